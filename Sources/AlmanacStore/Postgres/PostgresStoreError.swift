import PostgresNIO

/// What went wrong talking to a PostgreSQL archive, in words a user can act on.
///
/// postgres-nio's `PSQLError` hides its details from `description` on purpose (they may hold
/// data); the archive's errors carry the server's message, detail and SQLSTATE instead.
public struct PostgresStoreError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// No session could be opened: server down, wrong port, authentication or database missing.
        case cannotConnect
        /// The schema could not be brought up to date, or belongs to a newer program.
        case migrationFailed
        /// A statement failed; `sqlState` says why (e.g. 23505 for a unique violation).
        case queryFailed
        /// The store was used after `close()`.
        case closed
    }

    public var code: Code
    /// What was being done and what went wrong, with a remedy when there is one.
    public var message: String
    /// The server's SQLSTATE, when the server reported the error.
    public var sqlState: String?
    /// The error as postgres-nio reported it (`String(reflecting:)` shows its details).
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, sqlState: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.underlying = underlying
    }

    public var description: String { message }

    /// Wraps `error` from postgres-nio, saying what was being `doing`, and ending with `hint` if given.
    static func wrapping(_ error: any Error, _ code: Code, doing: String, hint: String? = nil) -> PostgresStoreError {
        var wrapped = translating(error, code, doing: doing)
        if let hint, !(error is PostgresStoreError) { wrapped.message += ". \(hint)" }
        return wrapped
    }

    private static func translating(_ error: any Error, _ code: Code, doing: String) -> PostgresStoreError {
        if let error = error as? PostgresStoreError { return error }
        if let error = error as? PostgresTransactionError {
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
            if let inner { return translating(inner, code, doing: doing) }
        }
        guard let error = error as? PSQLError else {
            return PostgresStoreError(code, "\(doing): \(error)", underlying: error)
        }
        if let server = error.serverInfo, let text = server[.message] {
            let state = server[.sqlState]
            let detail = server[.detail].map { " (\($0))" } ?? ""
            let suffix = state.map { " [SQLSTATE \($0)]" } ?? ""
            return PostgresStoreError(
                code, "\(doing): \(text)\(detail)\(suffix)", sqlState: state, underlying: error)
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return PostgresStoreError(code, "\(doing): \(cause)", underlying: error)
    }
}
