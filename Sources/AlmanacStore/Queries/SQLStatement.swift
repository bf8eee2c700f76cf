/// The SQL both drivers share for reading facts and entities, written once for either dialect.
///
/// Filters that are not set add no clause at all (no `? IS NULL OR …`), so each driver's planner
/// sees only the conditions that hold and can use the indexes that serve them.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// `haystack` contains `needle` (both SQL expressions).
    func contains(_ haystack: String, _ needle: String) -> String {
        switch self {
        case .sqlite: "instr(\(haystack), \(needle)) > 0"
        case .postgres: "strpos(\(haystack), \(needle)) > 0"
        }
    }

    /// The text of a stored article body `column`: SQLite may keep it deflated (`TextCodec`).
    func bodyText(_ column: String) -> String {
        switch self {
        case .sqlite: "almanac_text(\(column))"
        case .postgres: column
        }
    }

    /// `column` compared by code point, whatever the database's collation (SQLite's BINARY is already).
    func byCodePoint(_ column: String) -> String {
        switch self {
        case .sqlite: column
        case .postgres: "\(column) COLLATE \"C\""
        }
    }
}

/// A value bound to a statement parameter.
enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case real(Double)
}

/// A statement and the values of its parameters, placeholders written for its dialect (`?` or `$n`).
struct SQLStatement: Sendable {
    let dialect: SQLDialect
    var sql = ""
    var values: [SQLValue] = []

    init(_ dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: SQLValue) -> String {
        values.append(value)
        return dialect == .sqlite ? "?" : "$\(values.count)"
    }

    mutating func bind(_ text: String) -> String { bind(.text(text)) }
    mutating func bind(_ integer: Int64) -> String { bind(.integer(integer)) }
    mutating func bind(_ integer: Int) -> String { bind(.integer(Int64(integer))) }

    /// `LIMIT … OFFSET …` with both bound; a negative offset counts as 0.
    mutating func page(limit: Int, offset: Int) -> String {
        "LIMIT \(bind(max(0, limit))) OFFSET \(bind(max(0, offset)))"
    }

    /// `WHERE` and the conditions joined by `AND`, or "" when there are none.
    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: "\n    AND ")
    }
}

/// A row of a result, whichever driver read it; columns are read by name.
protocol SQLRow {
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64
    func real(_ column: String) throws -> Double
    func optionalReal(_ column: String) throws -> Double?
    func bool(_ column: String) throws -> Bool
}

extension SQLRow {
    func int(_ column: String) throws -> Int { Int(try integer(column)) }
}
