import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac search`: find articles by their words.
struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find articles whose headline, body or captions hold every word of QUERY.",
        discussion: """
            Words are cut the way the archive was indexed, and a word also finds the longer words \
            it is part of: 工程 finds 在建工程, 岚江 finds 岚江市. Matches are marked «like this». \
            Hits come best first (BM25 on SQLite, ts_rank_cd on PostgreSQL).

            Examples:
              almanac search 在建工程
              almanac search "岚江 项目" --from 2024-01-01 --to 2024-06-30 --section 经济 --json
              almanac search 产值 --entity 岚江钢铁集团有限公司
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The words to find (all of them must occur).")
    var query: String

    @Option(help: "Only pages dated on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only pages dated on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Only articles of this section (exact name, e.g. 经济).")
    var section: String?

    @Option(help: "Only articles from this paper (exact name).")
    var paper: String?

    @Option(help: "Only articles that mention this entity (its canonical name or a printed form, exact).")
    var entity: String?

    @Option(help: "At most this many hits.")
    var limit = 20

    @Option(help: "Skip this many hits first.")
    var offset = 0

    @Flag(help: "Print JSON Lines, one hit per line: id, page, date, paper, headline, section, snippet, score.")
    var json = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
                throw ValidationError("\(name) must be a day written YYYY-MM-DD, not '\(value)'")
            }
        }
    }

    func run() async throws {
        let location = try StoreLocation(database.location)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no archive at \(path); create one with `almanac ingest PATH…`")
        }
        let search = SearchQuery(
            text: query, from: from, to: to, section: section, paper: paper, entity: entity, limit: limit,
            offset: offset)
        let hits: [SearchHit]
        do {
            hits = try await database.withStore { try await $0.search(search) }
        } catch let error as SearchError {
            printError("Error: \(error.message)")
            throw ExitCode.validationFailure
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for hit in hits {
                print(String(decoding: try encoder.encode(hit), as: UTF8.self))
            }
            return
        }
        for hit in hits {
            let section = hit.section.isEmpty ? "" : "[\(hit.section)] "
            print(
                "\(hit.date ?? "----------")  \(hit.page)  \(section)\(hit.headline)  (#\(hit.id), "
                    + String(format: "%.3f", hit.score) + ")")
            print("    \(hit.snippet)")
        }
        if hits.isEmpty { printError("no article holds all of: \(query)") }
    }
}
