/// A small map from scalar values to values, for tables read at every scalar of a text (numeral
/// digits, units, connectors).
///
/// A 1,024-bit filter of the keys' low bits (128 bytes, two cache lines) stands before the table:
/// most scalars of running text are no key, and are answered by one load without hashing. The
/// filter has no false negatives. A key it lets through is looked up in a small open-addressing
/// table probed from the key's low bits, not in a `Dictionary`, whose hashing was most of the cost
/// of reading a numeral's digits and units.
struct ScalarMap<Value: Sendable>: Sendable {
    private let filter: [UInt64]
    /// The keys by open addressing (at least twice as many slots as keys), `empty` in a free slot;
    /// `values` holds the value of the key in the same slot.
    private let slots: [UInt32]
    private let values: [Value?]
    private let mask: Int
    /// The keys, in no order.
    let keys: [UInt32]

    /// A free slot: no scalar value.
    private static var empty: UInt32 { .max }

    init(_ values: [UInt32: Value]) {
        var filter = [UInt64](repeating: 0, count: 16)
        for key in values.keys { filter[Int(key >> 6) & 15] |= 1 << UInt64(key & 63) }
        var size = 4
        while size < 2 * values.count { size <<= 1 }
        var slots = [UInt32](repeating: Self.empty, count: size)
        var stored = [Value?](repeating: nil, count: size)
        for (key, value) in values {
            var slot = Int(key) & (size - 1)
            while slots[slot] != Self.empty { slot = (slot + 1) & (size - 1) }
            slots[slot] = key
            stored[slot] = value
        }
        self.filter = filter
        self.slots = slots
        self.values = stored
        self.mask = size - 1
        self.keys = Array(values.keys)
    }

    /// The value of `key`, or `nil`.
    @inline(__always)
    subscript(_ key: UInt32) -> Value? {
        guard filter[Int(key >> 6) & 15] & (1 << UInt64(key & 63)) != 0 else { return nil }
        var slot = Int(key) & mask
        while true {
            let found = slots[slot]
            if found == key { return values[slot] }
            if found == Self.empty { return nil }
            slot = (slot &+ 1) & mask
        }
    }
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
