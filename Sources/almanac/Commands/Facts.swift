import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac facts`: list stored facts.
struct Facts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List stored facts: every reported figure with what, when and where, and its sentence.",
        discussion: """
            Newest page first. --indicator matches the normalised indicator (规上 = 规模以上, spaces and \
            punctuation ignored); --from/--to keep facts whose resolved period overlaps the range, or \
            whose page date falls in it when the period was not resolved.

            Examples:
              almanac facts --indicator 规模以上工业增加值 --place 岚江市
              almanac facts --from 2024-01-01 --to 2024-06-30 --csv > facts.csv
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only facts of this indicator.")
    var indicator: String?

    @Option(help: "Only facts about this place (exact, e.g. 岚江市).")
    var place: String?

    @Option(help: "Only facts of periods (or pages) on or after this day (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Only facts of periods (or pages) on or before this day (YYYY-MM-DD).")
    var to: String?

    @Option(help: "Only facts whose sentence mentions this entity (its name or a printed form).")
    var entity: String?

    @Option(help: "At most this many facts.")
    var limit = 100

    @Option(help: "Skip this many facts first.")
    var offset = 0

    @Flag(help: "Print JSON Lines, one stored fact per line.")
    var json = false

    @Flag(help: "Print CSV with a header line.")
    var csv = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
        if json && csv { throw ValidationError("choose one of --json and --csv") }
        try validateDay(from, option: "--from")
        try validateDay(to, option: "--to")
    }

    func run() async throws {
        try database.requireArchive()
        let query = FactQuery(
            indicator: indicator, place: place, from: from, to: to, entity: entity, limit: limit, offset: offset)
        let facts = try await database.withStore { try await $0.fetchFacts(query) }
        let out = try RecordWriter(path: nil)
        if json {
            for fact in facts { out.write(try JSONLines.line(fact)) }
        } else if csv {
            out.write(CSV.row(Self.csvHeader))
            for fact in facts { out.write(CSV.row(Self.csvFields(fact))) }
        } else {
            for stored in facts {
                let fact = stored.fact
                let change = fact.change.map { "\($0) " } ?? ""
                let what = [fact.place, fact.period, fact.indicator].filter { !$0.isEmpty }.joined(separator: " ")
                out.write(
                    "\(stored.date ?? "----------")  \(stored.page) #\(fact.seq ?? 0)  \(what): \(change)\(fact.quantity.text)"
                )
                out.write("    \(fact.sentence)")
            }
            if facts.isEmpty { printError("no stored fact matches") }
        }
        out.flush()
    }

    static let csvHeader: [String?] = [
        "id", "article_id", "page", "date", "seq", "field", "text", "value", "low", "high", "unit", "approx",
        "indicator", "indicator_key", "change", "period", "period_start", "period_end", "place", "sentence",
    ]

    static func csvFields(_ stored: StoredFact) -> [String?] {
        let fact = stored.fact
        let quantity = fact.quantity
        return [
            String(stored.id), String(stored.articleID), stored.page, stored.date, fact.seq.map(String.init),
            stored.field.rawValue, quantity.text, CSV.number(quantity.value), CSV.number(quantity.low),
            CSV.number(quantity.high), quantity.unit, quantity.approx ? "true" : "false", fact.indicator,
            stored.indicatorKey, fact.change, fact.period, fact.resolvedPeriod?.start, fact.resolvedPeriod?.end,
            fact.place, fact.sentence,
        ]
    }
}
