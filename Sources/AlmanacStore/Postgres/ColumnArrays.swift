import NIOCore
import PostgresNIO

/// The values of many rows gathered column by column, each column bound as one array, so that
/// `INSERT … SELECT * FROM unnest($1, $2, …)` sends any number of rows in a statement of a few
/// parameters. A many-row `VALUES` list with a parameter per value costs the server more to parse,
/// analyse and fold than to insert its rows.
///
/// Each value is added in column order (``StoredRows``), then ``endRow()``; every row must add the
/// same types in the same order. A column's type comes from the first row: `Int` and `Int64` are
/// `int8`, `Double` `float8`, `Bool` `bool` and `String` `text`, optional or not (nil is NULL).
struct ColumnArrays: RowValues {
    /// One column's values, encoded as a one-dimensional PostgreSQL array in the binary format.
    struct Column: PostgresDynamicTypeEncodable {
        let element: PostgresDataType
        var count: Int32 = 0
        var hasNull = false
        /// The elements, each its length (-1 for NULL) and its bytes.
        var elements = ByteBuffer()

        var psqlType: PostgresDataType {
            switch element {
            case .int8: .int8Array
            case .float8: .float8Array
            case .bool: .boolArray
            default: .textArray
            }
        }
        var psqlFormat: PostgresFormat { .binary }

        func encode<JSONEncoder: PostgresJSONEncoder>(
            into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
        ) {
            buffer.writeInteger(Int32(1))  // dimensions
            buffer.writeInteger(Int32(hasNull ? 1 : 0))
            buffer.writeInteger(element.rawValue)
            buffer.writeInteger(count)  // length of the dimension
            buffer.writeInteger(Int32(1))  // its lower bound
            buffer.writeImmutableBuffer(elements)
        }
    }

    private(set) var columns: [Column] = []
    /// Rows ended so far.
    private(set) var rows = 0
    /// The column the next value goes to.
    private var next = 0

    /// Ends the current row: the next value starts the next one.
    mutating func endRow() {
        precondition(rows == 0 || next == columns.count, "a row of \(next) values among rows of \(columns.count)")
        rows += 1
        next = 0
    }

    /// The columns as the bindings of a statement, `$1` the first.
    var bindings: PostgresBindings {
        var binds = PostgresBindings(capacity: columns.count)
        for column in columns { binds.append(column) }
        return binds
    }

    /// The column for the next value, of `type`, made on the first row.
    private mutating func column(_ type: PostgresDataType, _ write: (inout Column) -> Void) {
        if rows == 0 {
            columns.append(Column(element: type))
        }
        precondition(next < columns.count && columns[next].element == type, "value \(next) of a row changed type")
        columns[next].count += 1
        write(&columns[next])
        next += 1
    }

    private mutating func null(_ type: PostgresDataType) {
        column(type) { column in
            column.hasNull = true
            column.elements.writeInteger(Int32(-1))
        }
    }

    mutating func add(_ value: Int64) {
        column(.int8) { column in
            column.elements.writeInteger(Int32(8))
            column.elements.writeInteger(value)
        }
    }
    mutating func add(_ value: Int) { add(Int64(value)) }
    mutating func add(_ value: Double) {
        column(.float8) { column in
            column.elements.writeInteger(Int32(8))
            column.elements.writeInteger(value.bitPattern)
        }
    }
    mutating func add(_ value: Bool) {
        column(.bool) { column in
            column.elements.writeInteger(Int32(1))
            column.elements.writeInteger(UInt8(value ? 1 : 0))
        }
    }
    mutating func add(_ value: String) {
        column(.text) { column in
            column.elements.writeInteger(Int32(value.utf8.count))
            column.elements.writeString(value)
        }
    }
    mutating func add(_ value: Int?) { if let value { add(value) } else { null(.int8) } }
    mutating func add(_ value: Int64?) { if let value { add(value) } else { null(.int8) } }
    mutating func add(_ value: Double?) { if let value { add(value) } else { null(.float8) } }
    mutating func add(_ value: String?) { if let value { add(value) } else { null(.text) } }
}
