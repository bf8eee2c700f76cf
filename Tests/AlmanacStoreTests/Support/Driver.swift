import AlmanacStore
import Foundation
import Testing

/// A `Store` implementation the conformance suite runs against.
enum Driver: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The location of a new, empty archive: a temporary file, or a fresh database on the suite's server.
    func makeLocation() async throws -> String {
        switch self {
        case .sqlite:
            FileManager.default.temporaryDirectory.appendingPathComponent("almanac-\(UUID().uuidString).sqlite").path
        case .postgres:
            try await TemporaryPostgres.required().makeDatabase()
        }
    }

    /// Runs `body` with the location of a new archive and removes a SQLite file afterwards.
    func withLocation(_ body: (String) async throws -> Void) async throws {
        let location = try await makeLocation()
        defer {
            if self == .sqlite {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
            }
        }
        try await body(location)
    }

    /// Runs `body` with a store opened (through `openStore`) on a new archive, and closes it.
    func withStore(_ body: (any Store) async throws -> Void) async throws {
        try await withLocation { location in
            try await AlmanacStore.withStore(location, body)
        }
    }
}
