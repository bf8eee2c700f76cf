import Foundation
import GRDB
import GRDBSQLite

/// A cached `INSERT` (or a one-value query) run with its values bound straight to the statement's parameters.
///
/// GRDB's `StatementArguments` turn every value into a `DatabaseValue` in an array before binding
/// it; for the writer's busiest rows (a fact has 20 columns, and a page brings about ninety facts
/// and as many mentions) that boxing cost about as much as SQLite's own work on the row. Values
/// are bound in order, then the statement runs once and is reset. The bindings are not cleared
/// after a run: the statement runs only once every parameter is bound again (the count is checked),
/// so the next row overwrites them all.
///
/// ```swift
/// let insert = try BoundInsert(db, "INSERT INTO indicator (key) VALUES (?)")
/// try insert.run { row in row.add("产值") }
/// ```
struct BoundInsert {
    let db: Database
    let statement: Statement

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values `bind` adds (as many as the statement has parameters) and runs the statement.
    func run(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try self.bind(bind)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw failure(code) }
    }

    /// Binds the values `bind` adds and runs the statement, a query: the first column of its first
    /// row as an integer, or nil when it gives no row (or NULL).
    func integer(_ bind: (inout Values) -> Void) throws -> Int64? {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        try self.bind(bind)
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: statement.sql)
    }

    private func bind(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        var row = Values(handle: handle)
        bind(&row)
        let parameters = sqlite3_bind_parameter_count(handle)
        guard row.failure == SQLITE_OK, row.index == parameters else {
            let message =
                row.failure == SQLITE_OK
                ? "\(row.index) values bound to \(parameters) parameters"
                : String(cString: sqlite3_errmsg(db.sqliteConnection))
            throw DatabaseError(
                resultCode: ResultCode(rawValue: row.failure == SQLITE_OK ? SQLITE_MISUSE : row.failure),
                message: message, sql: statement.sql)
        }
    }

    /// The values of one row, bound as they are added.
    struct Values: RowValues {
        let handle: OpaquePointer
        /// How many values are bound so far (SQLite numbers parameters from 1).
        private(set) var index: Int32 = 0
        /// The first failing bind's result code, else `SQLITE_OK`.
        private(set) var failure = SQLITE_OK

        init(handle: OpaquePointer) {
            self.handle = handle
        }

        private mutating func record(_ code: Int32) {
            if failure == SQLITE_OK && code != SQLITE_OK { failure = code }
        }

        private mutating func next() -> Int32 {
            index += 1
            return index
        }

        mutating func add(_ value: Int64) {
            record(sqlite3_bind_int64(handle, next(), value))
        }

        mutating func add(_ value: Int) {
            add(Int64(value))
        }

        mutating func add(_ value: Double) {
            record(sqlite3_bind_double(handle, next(), value))
        }

        /// `true` as 1, `false` as 0, as GRDB stores them.
        mutating func add(_ value: Bool) {
            add(Int64(value ? 1 : 0))
        }

        mutating func add(_ value: String) {
            var text = value
            let position = next()
            // SQLite copies the bytes (SQLITE_TRANSIENT): the string's buffer lives only for this call.
            // An empty buffer may have no address, which SQLite would bind as NULL.
            let code = text.withUTF8 { bytes in
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, position, "", 0, Self.transient)
                }
                return UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                    sqlite3_bind_text(handle, position, $0, Int32(bytes.count), Self.transient)
                }
            }
            record(code)
        }

        /// A value GRDB made: text, a blob, a number or NULL.
        mutating func add(_ value: DatabaseValue) {
            switch value.storage {
            case .null: addNull()
            case .int64(let number): add(number)
            case .double(let number): add(number)
            case .string(let text): add(text)
            case .blob(let data): add(data)
            }
        }

        /// Bytes, as a blob (an empty one is a zero-length blob, not NULL).
        mutating func add(_ data: Data) {
            let position = next()
            let code = data.withUnsafeBytes { bytes in
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, position, 0)
                }
                return sqlite3_bind_blob(handle, position, start, Int32(bytes.count), Self.transient)
            }
            record(code)
        }

        mutating func addNull() {
            record(sqlite3_bind_null(handle, next()))
        }

        mutating func add(_ value: Int?) {
            if let value { add(value) } else { addNull() }
        }

        mutating func add(_ value: Int64?) {
            if let value { add(value) } else { addNull() }
        }

        mutating func add(_ value: Double?) {
            if let value { add(value) } else { addNull() }
        }

        mutating func add(_ value: String?) {
            if let value { add(value) } else { addNull() }
        }

        /// SQLite's `SQLITE_TRANSIENT`: copy the bytes before the call returns.
        static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
    }
}
