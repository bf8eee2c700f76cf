/// A small map from scalar values to values, for tables read at every scalar of a text (numeral
/// digits, units, connectors).
///
/// A 1,024-bit filter of the keys' low bits (128 bytes, two cache lines) stands before the
/// dictionary: most scalars of running text are no key, and are answered by one load without
/// hashing. The filter has no false negatives, so lookups give exactly what the dictionary holds.
struct ScalarMap<Value: Sendable>: Sendable {
    private let filter: [UInt64]
    private let values: [UInt32: Value]

    init(_ values: [UInt32: Value]) {
        var filter = [UInt64](repeating: 0, count: 16)
        for key in values.keys { filter[Int(key >> 6) & 15] |= 1 << UInt64(key & 63) }
        self.filter = filter
        self.values = values
    }

    /// The value of `key`, or `nil`.
    @inline(__always)
    subscript(_ key: UInt32) -> Value? {
        guard filter[Int(key >> 6) & 15] & (1 << UInt64(key & 63)) != 0 else { return nil }
        return values[key]
    }

    /// The keys, in no order.
    var keys: Dictionary<UInt32, Value>.Keys { values.keys }
}

extension ScalarMap where Value == Void {
    /// A set of scalars.
    init(members: some Sequence<UInt32>) {
        self.init(Dictionary(members.map { ($0, ()) }, uniquingKeysWith: { first, _ in first }))
    }

    /// Whether `value` is a member.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool { self[value] != nil }
}
