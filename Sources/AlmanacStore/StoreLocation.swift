/// Where an archive lives: a SQLite file or a PostgreSQL database.
///
/// `--db` and `ALMANAC_DATABASE_URL` take either: `postgres://` and `postgresql://` URLs name a
/// PostgreSQL database, anything else is a file path.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Reads `location`, throwing `PostgresURLError` for a PostgreSQL URL that cannot be read.
    public init(_ location: String) throws {
        if PostgresURL.isPostgresURL(location) {
            self = .postgres(try PostgresURL(parsing: location))
        } else {
            self = .sqlite(path: location)
        }
    }

    /// The path, or the URL with its password masked.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }

    /// Opens (creating and migrating as needed) the archive here.
    public func open() async throws -> any Store {
        switch self {
        case .sqlite(let path): try SQLiteStore(path: path)
        case .postgres(let url): try await PostgresStore.connect(to: url)
        }
    }
}

/// Opens the archive at `location`: a `PostgresStore` for a `postgres://` URL, a `SQLiteStore` for a path.
///
/// Call `close()` on the store when done, or use ``withStore(_:_:)``.
public func openStore(_ location: String) async throws -> any Store {
    try await StoreLocation(location).open()
}

/// Opens the archive at `location`, runs `body` with it and closes it, whether `body` throws or not.
///
/// ```swift
/// let counts = try await withStore("postgres://almanac@localhost/almanac") { try await $0.fetchCounts() }
/// ```
public func withStore<Result: Sendable>(
    _ location: String, _ body: (any Store) async throws -> Result
) async throws -> Result {
    try await withClosing(try await openStore(location), body)
}

/// Runs `body` with an open `store` and closes the store afterwards, whether `body` throws or not.
public func withClosing<Result: Sendable>(
    _ store: any Store, _ body: (any Store) async throws -> Result
) async throws -> Result {
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
