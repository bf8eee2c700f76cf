/// A set of non-zero `UInt64` keys in an open-addressing table at most a quarter full (0 = empty),
/// probed from a multiplicative hash of the key: a lookup is a multiply and a load or two, where a
/// `Set<UInt64>` runs SipHash. ``WordSet`` keeps packed words in one, `EntityWordSet` word hashes.
struct KeyTable: Sendable {
    private let table: [UInt64]
    private let mask: Int

    /// The set of `keys`; a zero key is a programming error.
    init(_ keys: Set<UInt64>) {
        var capacity = 16
        while capacity < keys.count * 4 { capacity <<= 1 }
        var table = [UInt64](repeating: 0, count: capacity)
        for key in keys {
            precondition(key != 0, "a KeyTable holds non-zero keys")
            var slot = Self.slot(key, capacity - 1)
            while table[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            table[slot] = key
        }
        self.table = table
        mask = capacity - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Whether `key` is in the set.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        table.withUnsafeBufferPointer { table in
            var slot = Self.slot(key, mask)
            while true {
                let found = table[slot]
                if found == key { return true }
                if found == 0 { return false }
                slot = (slot &+ 1) & mask
            }
        }
    }
}
