import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac export`: the archive's articles, facts or entities as JSON Lines or CSV.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the archive's articles, facts or entities as JSON Lines or CSV.",
        discussion: """
            Records come in storage order, read a window at a time. JSON Lines hold the records the \
            JSON API serves; CSV has a header line, and lists (bylines, captions, \
            aliases) are JSON arrays inside their cells.

            Examples:
              almanac export --format jsonl --what facts --out facts.jsonl
              almanac export --format csv --what entities > entities.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    enum What: String, ExpressibleByArgument, CaseIterable {
        case articles, facts, entities
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "jsonl or csv.")
    var format: Format

    @Option(help: "articles, facts or entities.")
    var what: What = .articles

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    /// Records read per query.
    static let pageSize = 1000

    func run() async throws {
        try database.requireArchive()
        let writer = try RecordWriter(path: out)
        let count = try await database.withStore { store in
            switch what {
            case .articles: try await exportArticles(store, to: writer)
            case .facts: try await exportFacts(store, to: writer)
            case .entities: try await exportEntities(store, to: writer)
            }
        }
        writer.flush()
        if let out { printError("wrote \(count) \(what.rawValue) to \(out)") }
    }

    /// Reads `fetch` a window at a time (after the last id read) until a short window, writing each
    /// record; returns how many.
    func each<Record>(
        _ fetch: (Int64) async throws -> [Record], id: (Record) -> Int64, _ write: (Record) throws -> Void
    ) async throws -> Int {
        var last: Int64 = 0
        var count = 0
        while true {
            let records = try await fetch(last)
            for record in records { try write(record) }
            count += records.count
            guard let final = records.last, records.count == Self.pageSize else { return count }
            last = id(final)
        }
    }

    func exportArticles(_ store: any Store, to writer: RecordWriter) async throws -> Int {
        if format == .csv {
            writer.write(
                CSV.row([
                    "id", "page_id", "page", "date", "seq", "headline", "subheadline", "section", "kind", "bylines",
                    "photographers", "captions", "body",
                ]))
        }
        return try await each({ try await store.fetchArticles(afterID: $0, limit: Self.pageSize) }, id: \.id) {
            stored in
            guard format == .csv else { return writer.write(try JSONLines.line(stored)) }
            let article = stored.article
            writer.write(
                CSV.row([
                    String(stored.id), String(stored.pageID), stored.page, stored.date, String(article.seq),
                    article.headline, article.subheadline, article.section, article.kind.rawValue,
                    CSV.list(article.bylines), CSV.list(article.photographers), CSV.list(article.captions),
                    article.body,
                ]))
        }
    }

    func exportFacts(_ store: any Store, to writer: RecordWriter) async throws -> Int {
        if format == .csv { writer.write(CSV.row(Facts.csvHeader)) }
        return try await each({ try await store.fetchFacts(afterID: $0, limit: Self.pageSize) }, id: \.id) { fact in
            writer.write(format == .csv ? CSV.row(Facts.csvFields(fact)) : try JSONLines.line(fact))
        }
    }

    func exportEntities(_ store: any Store, to writer: RecordWriter) async throws -> Int {
        if format == .csv {
            writer.write(
                CSV.row([
                    "id", "kind", "name", "aliases", "mentions", "articles", "first_date", "last_date", "investment",
                    "stage", "place", "sector",
                ]))
        }
        return try await each({ try await store.fetchEntities(afterID: $0, limit: Self.pageSize) }, id: \.id) {
            entity in
            guard format == .csv else { return writer.write(try JSONLines.line(entity)) }
            let project = entity.project
            writer.write(
                CSV.row([
                    String(entity.id), entity.kind.rawValue, entity.name, CSV.list(entity.aliases),
                    String(entity.mentions), String(entity.articles), entity.firstDate, entity.lastDate,
                    CSV.number(project?.investment), project?.stage, project?.place, project?.sector,
                ]))
        }
    }
}
