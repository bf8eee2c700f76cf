import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac series --indicator X`: one reported figure per period.
struct Series: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an indicator as a series: one reported figure per period, each with its source.",
        discussion: """
            Facts of the indicator are grouped by place, unit and change word (a growth rate and a level \
            are separate series). A period is the resolved date range, else the period phrase on its \
            page's date; when several reports give a figure for one period, the latest report is shown \
            and the count of reports beside it.

            Example: almanac series --indicator 规模以上工业增加值 --place 岚江市
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The indicator (matched normalised: 规上 = 规模以上).")
    var indicator: String

    @Option(help: "Only figures about this place (exact).")
    var place: String?

    @Flag(help: "Print one JSON object per series, one line each.")
    var json = false

    func run() async throws {
        try database.requireArchive()
        let series = try await database.withStore { try await $0.fetchSeries(indicator: indicator, place: place) }
        let out = try RecordWriter(path: nil)
        if json {
            for item in series { out.write(try JSONLines.line(item)) }
        } else {
            for item in series {
                let change = item.change.map { " \($0)" } ?? ""
                let place = item.place.isEmpty ? "(no place)" : item.place
                out.write("\(place) \(item.indicator)\(change) [\(item.unit)]")
                for point in item.points {
                    let period = point.periodStart.map { "\($0)…\(point.periodEnd ?? "")" } ?? (point.source.date ?? "")
                    let reports = point.reports > 1 ? " (\(point.reports) reports)" : ""
                    out.write(
                        "  \(period)  \(point.period.isEmpty ? "-" : point.period)  \(point.text)\(reports)  "
                            + "\(point.source.page) #\(point.source.fact.seq ?? 0)")
                    out.write("      \(point.source.fact.sentence)")
                }
            }
            if series.isEmpty { printError("no stored fact of '\(indicator)'; see `almanac facts` for what is stored") }
        }
        out.flush()
    }
}
