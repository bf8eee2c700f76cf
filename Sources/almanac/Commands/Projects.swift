import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac projects`: the project tracker.
struct Projects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the projects the archive mentions: investment, stage, place, sector, first and last mention.",
        discussion: """
            Largest investment first. A project's details are the latest its mentions give.

            Examples:
              almanac projects --min-investment 1亿
              almanac projects --stage 开工 --place 岚江 --json
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(
        help: "Only projects of at least this total investment in 元: a number, or with 万 or 亿 (5亿, 3000万).",
        transform: Projects.amount)
    var minInvestment: Double?

    @Option(help: "Only projects at this stage (签约, 开工, 在建, 投产, 竣工 …).")
    var stage: String?

    @Option(help: "Only projects whose place contains this text.")
    var place: String?

    @Option(help: "At most this many projects.")
    var limit = 100

    @Option(help: "Skip this many projects first.")
    var offset = 0

    @Flag(help: "Print JSON Lines, one project per line.")
    var json = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
    }

    /// Reads `5亿`, `3000万`, `1.2e9` or `800000000` as an amount in 元.
    static func amount(_ text: String) throws -> Double {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("元") { digits.removeLast() }
        var factor = 1.0
        if digits.hasSuffix("亿") {
            factor = 1e8
            digits.removeLast()
        } else if digits.hasSuffix("万") {
            factor = 1e4
            digits.removeLast()
        }
        guard let value = Double(digits), value >= 0 else {
            throw ValidationError("--min-investment must be an amount such as 5亿, 3000万 or 500000000, not '\(text)'")
        }
        return value * factor
    }

    func run() async throws {
        try database.requireArchive()
        let query = ProjectQuery(minInvestment: minInvestment, stage: stage, place: place, limit: limit, offset: offset)
        let projects = try await database.withStore { try await $0.fetchProjects(query) }
        let out = try RecordWriter(path: nil)
        if json {
            for project in projects { out.write(try JSONLines.line(project)) }
        } else {
            for project in projects {
                let details = project.project
                let investment = details?.investment.map { Self.yuan($0) } ?? "-"
                let facets = [details?.stage, details?.place, details?.sector].compactMap { $0 }.joined(separator: " ")
                out.write(
                    "\(project.name)  \(investment)  \(facets.isEmpty ? "-" : facets)  "
                        + "\(project.firstDate ?? "?")…\(project.lastDate ?? "?")  (\(project.mentions) mentions)")
            }
            if projects.isEmpty { printError("no stored project matches") }
        }
        out.flush()
    }

    /// An amount in 元 written as a reader expects it: 15亿元, 3000万元.
    static func yuan(_ value: Double) -> String {
        if value >= 1e8 { return String(format: "%g亿元", value / 1e8) }
        if value >= 1e4 { return String(format: "%g万元", value / 1e4) }
        return String(format: "%g元", value)
    }
}
