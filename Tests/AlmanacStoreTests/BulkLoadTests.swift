import AlmanacModel
import AlmanacStore
import Foundation
import GRDB
import Testing

/// An ingest into an empty archive puts off the indexes only reads need (``Store/beginBulkLoad()``).
@Suite(.temporaryPostgres)
struct BulkLoadTests {
    typealias F = ArchiveFixture

    /// The archive's indexes, by name, with their SQL.
    static func indexes(_ location: String) throws -> [String] {
        try DatabaseQueue(path: location).read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            )
        }
    }

    /// The search index's FTS5 `automerge` and `crisismerge` settings (absent: FTS5's defaults, 4 and 16).
    static func searchIndexMerge(_ location: String) throws -> [Int] {
        try DatabaseQueue(path: location).read { db in
            [
                try Int.fetchOne(db, sql: "SELECT v FROM article_search_config WHERE k = 'automerge'") ?? 4,
                try Int.fetchOne(db, sql: "SELECT v FROM article_search_config WHERE k = 'crisismerge'") ?? 16,
            ]
        }
    }

    /// The rows whose references name no row (`PRAGMA foreign_key_check`): a batch that only adds
    /// pages is written with SQLite's checks off.
    static func danglingReferences(_ location: String) throws -> [Row] {
        try DatabaseQueue(path: location).read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
    }

    /// What the queries that use the put-off indexes answer.
    static func answers(_ store: any Store) async throws -> [String] {
        let facts = try await store.fetchFacts(FactQuery(indicator: "规模以上工业增加值", limit: 10))
        let placed = try await store.fetchFacts(FactQuery(place: "岚江市", limit: 10))
        var lines =
            facts.map { "\($0.page) \($0.fact.quantity.text)" } + placed.map { "placed \($0.fact.quantity.text)" }
        for entity in try await store.fetchEntities(EntityQuery(limit: 10)) {
            let detail = try #require(try await store.fetchEntity(id: entity.id))
            lines.append("\(entity.name): \(detail.mentions.count) mentions, \(detail.facts.count) facts")
        }
        let first = try #require(facts.first)
        lines += try await store.fetchMentions(articleID: first.articleID).map { "\($0.name) \($0.text)" }
        return lines
    }

    @Test func anEmptyArchiveBuildsItsReadIndexesAtTheEndTheSameAsRowByRow() async throws {
        var expected: (indexes: [String], answers: [String]) = ([], [])
        try await Driver.sqlite.withLocation { location in
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([F.march, F.june], mode: .skipExisting)
                expected.answers = try await Self.answers(store)
            }
            expected.indexes = try Self.indexes(location)
        }
        #expect(expected.indexes.contains { $0.hasPrefix("fact_indicator: ") })
        try await Driver.sqlite.withLocation { location in
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await store.beginBulkLoad())
                #expect(try Self.indexes(location).count == expected.indexes.count - 3)
                // An article's facts and mentions stay indexed: their keys only grow.
                let kept = try Self.indexes(location)
                #expect(
                    kept.contains { $0.hasPrefix("fact_article: ") }
                        && kept.contains { $0.hasPrefix("mention_article: ") })
                #expect(try Self.searchIndexMerge(location) == [0, 64])
                _ = try await store.save([F.march, F.june], mode: .skipExisting)
                // Every query answers meanwhile.
                #expect(try await Self.answers(store) == expected.answers)
                #expect(try Self.danglingReferences(location).isEmpty)
                try await store.endBulkLoad()
                #expect(try Self.indexes(location) == expected.indexes)
                #expect(try Self.searchIndexMerge(location) == [4, 16])
                // An archive that holds pages is not bulk loaded.
                #expect(try await !store.beginBulkLoad())
                #expect(try Self.indexes(location) == expected.indexes)
            }
        }
    }

    @Test func aBulkLoadCutShortIsFinishedWhenTheArchiveIsNextOpened() async throws {
        try await Driver.sqlite.withLocation { location in
            var full: [String] = []
            try await withStore(location) { (store: any Store) async throws in
                full = try Self.indexes(location)
                #expect(try await store.beginBulkLoad())
                _ = try await store.save([F.march], mode: .skipExisting)
            }
            #expect(try Self.indexes(location).count == full.count - 3)
            #expect(try Self.searchIndexMerge(location) == [0, 64])
            // The loading process is killed (its row names a process that has exited).
            let dead = try Self.deadProcessID()
            try await DatabaseQueue(path: location).write { db in
                try db.execute(sql: "UPDATE bulk_load SET pid = ?", arguments: [dead])
            }
            try await withStore(location) { (store: any Store) async throws in
                #expect(try Self.indexes(location) == full)
                #expect(try Self.searchIndexMerge(location) == [4, 16])
                #expect(try await store.fetchStats().pages == 1)
            }
        }
    }

    @Test func anArchiveWhoseLoadLeftOutTheArticleIndexesGetsThemWhenOpened() async throws {
        try await Driver.sqlite.withLocation { location in
            var full: [String] = []
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([F.march], mode: .skipExisting)
                full = try Self.indexes(location)
            }
            // As a bulk load of an earlier version, killed before its end, left the archive.
            try await DatabaseQueue(path: location).write { db in
                try db.execute(sql: "DROP INDEX mention_article; DROP INDEX fact_article")
            }
            #expect(try Self.indexes(location).count == full.count - 2)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try Self.indexes(location) == full)
                #expect(try await store.fetchStats().pages == 1)
            }
        }
    }

    /// The id of a process that has exited.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func theLastOfSeveralLoadersBuildsTheIndexesAndAKilledOneIsForgotten() async throws {
        try await Driver.sqlite.withLocation { location in
            var full: [String] = []
            try await withStore(location) { (store: any Store) async throws in
                full = try Self.indexes(location)
                #expect(try await store.beginBulkLoad())
                // Another process loading too (process 1 is always alive), and one that was killed.
                let dead = try Self.deadProcessID()
                try await DatabaseQueue(path: location).write { db in
                    try db.execute(sql: "INSERT INTO bulk_load (pid) VALUES (1), (?)", arguments: [dead])
                }
                _ = try await store.save([F.march], mode: .skipExisting)
                // Pages are stored, but a loader is still running: a new one joins the bulk load.
                #expect(try await store.beginBulkLoad())
                try await store.endBulkLoad()
                #expect(try Self.indexes(location).count == full.count - 3)
            }
            // Opened while the other loader runs: nothing is built behind its back.
            try await withStore(location) { (store: any Store) async throws in
                #expect(try Self.indexes(location).count == full.count - 3)
                #expect(try Self.searchIndexMerge(location) == [0, 64])
            }
            let loaders = try await DatabaseQueue(path: location).write { db in
                let pids = try Int32.fetchAll(db, sql: "SELECT pid FROM bulk_load ORDER BY pid")
                try db.execute(sql: "DELETE FROM bulk_load WHERE pid = 1")  // it finished
                return pids
            }
            #expect(loaders == [1])
            try await withStore(location) { (store: any Store) async throws in
                #expect(try Self.indexes(location) == full)
                #expect(try Self.searchIndexMerge(location) == [4, 16])
            }
        }
    }

    @Test func postgreSQLPutsNothingOff() async throws {
        try await Driver.postgres.withStore { store in
            #expect(try await !store.beginBulkLoad())
            try await store.endBulkLoad()
        }
    }
}
