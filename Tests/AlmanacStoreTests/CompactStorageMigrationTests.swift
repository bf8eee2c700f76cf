import AlmanacModel
import AlmanacStore
import Foundation
import GRDB
import Testing

/// Archives written before migration "v5 compact facts and mentions" (facts with their sentence's text,
/// mentions with their printed text) read the same after it, on every driver.
@Suite(.temporaryPostgres)
struct CompactStorageMigrationTests {
    typealias F = ArchiveFixture

    /// Takes an archive back to the v4 shape: sentences as text, mentions' texts spelt out, the old index.
    static let toV4 = [
        """
        UPDATE fact SET sentence = (SELECT substr(CASE fact.field WHEN 'headline' THEN article.headline
            WHEN 'subheadline' THEN article.subheadline ELSE article.body END,
            fact.sentence_start + 1, fact.sentence_end - fact.sentence_start)
            FROM article WHERE article.id = fact.article_id)
        WHERE sentence_start IS NOT NULL
        """,
        "ALTER TABLE fact DROP COLUMN sentence_start",
        "ALTER TABLE fact DROP COLUMN sentence_end",
        "UPDATE mention SET text = (SELECT name FROM entity WHERE entity.id = mention.entity_id) WHERE text = ''",
        "DROP INDEX mention_text",
        "CREATE INDEX mention_text ON mention(text)",
    ]

    /// What the tests compare: every fact, and every entity with its mentions and facts.
    struct Reading: Equatable {
        var facts: [StoredFact]
        var entities: [EntityDetail]
        var byPrintedName: [String]
    }

    static func read(_ store: any Store) async throws -> Reading {
        var details: [EntityDetail] = []
        for entity in try await store.fetchEntities(EntityQuery(limit: 100)) {
            if let detail = try await store.fetchEntity(id: entity.id) { details.append(detail) }
        }
        return Reading(
            facts: try await store.fetchFacts(FactQuery(limit: 100)), entities: details,
            byPrintedName: try await store.fetchFacts(FactQuery(entity: "岚钢", limit: 100)).map(\.fact.quantity.text))
    }

    @Test(arguments: Driver.allCases)
    func factsAndMentionsReadTheSameAfterTheMigration(driver: Driver) async throws {
        try await driver.withLocation { location in
            var before: Reading?
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([F.march, F.june, F.july], mode: .skipExisting)
                before = try await Self.read(store)
            }
            let expected = try #require(before)
            #expect(expected.facts.count == 7 && expected.facts.allSatisfy { !$0.fact.sentence.isEmpty })
            #expect(!expected.byPrintedName.isEmpty)
            // Six sentences are found in their fields; the caption's (a fact does not say which caption) is kept.
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE sentence = ''", driver, location) == 6)
            try await Self.execute(Self.toV4, forgetting: "v5 compact facts and mentions", driver, location)
            #expect(try await Self.count("SELECT count(*) FROM mention WHERE text = ''", driver, location) == 0)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await Self.read(store) == expected)
            }
            // The old facts keep their text; mentions printed as their entity's name lose theirs.
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE sentence = ''", driver, location) == 0)
            #expect(try await Self.count("SELECT count(*) FROM mention WHERE text = ''", driver, location) > 0)
        }
    }

    /// SQLite keeps page text deflated; a page stored as text by an older version reads as it is.
    @Test func sqlitePageTextIsDeflatedAndOldTextStillReads() async throws {
        try await Driver.sqlite.withLocation { location in
            let text = F.march.page.text
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([F.march], mode: .skipExisting)
            }
            #expect(
                try await Self.count("SELECT count(*) FROM page WHERE typeof(text) = 'blob'", .sqlite, location) == 1)
            let id = try #require(try await Self.count("SELECT id FROM page", .sqlite, location))
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await store.fetchPage(id: Int64(id))?.page.text == text)
            }
            try await Self.execute(["UPDATE page SET text = '旧版 plain text'"], forgetting: "-", .sqlite, location)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await store.fetchPage(id: Int64(id))?.page.text == "旧版 plain text")
            }
        }
    }

    static func execute(_ statements: [String], forgetting migration: String, _ driver: Driver, _ location: String)
        async throws
    {
        switch driver {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            try await queue.write { db in
                for statement in statements { try db.execute(sql: statement) }
                try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration])
            }
            try queue.close()
        case .postgres:
            let postgres = try TemporaryPostgres.required()
            let sql = (statements + ["DELETE FROM schema_migrations WHERE id = '\(migration)'"]).joined(
                separator: ";\n")
            try await postgres.psql(sql, database: database(of: location))
        }
    }

    static func count(_ sql: String, _ driver: Driver, _ location: String) async throws -> Int {
        switch driver {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            defer { try? queue.close() }
            return try await queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
        case .postgres:
            let postgres = try TemporaryPostgres.required()
            return Int(try await postgres.psql(sql, database: database(of: location))) ?? -1
        }
    }

    static func database(of url: String) -> String {
        String(url.split(separator: "/").last ?? "")
    }
}
