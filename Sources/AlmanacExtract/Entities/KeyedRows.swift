/// Rows of label weights by whole 64-bit feature key, in an open-addressing table at most two-thirds
/// full: the keys (8 bytes a slot) are probed, the rows (16 bytes) read only for a key found, so
/// the misses — most lookups — stay in a table a quarter the size of the tagger's.
struct KeyedRows: Sendable {
    /// The keys, 0 for an empty slot; `rows` beside them.
    let keys: [UInt64]
    let rows: [SIMD8<Int16>]
    let mask: Int

    init(keys: [UInt64], rows: [SIMD8<Int16>]) {
        var capacity = 16
        while capacity < keys.count * 3 / 2 { capacity <<= 1 }
        var table = [UInt64](repeating: 0, count: capacity)
        var tableRows = [SIMD8<Int16>](repeating: SIMD8(), count: capacity)
        let mask = capacity - 1
        for (key, row) in zip(keys, rows) where key != 0 {
            var slot = Self.home(key, mask)
            while table[slot] != 0 && table[slot] != key { slot = (slot + 1) & mask }
            table[slot] = key
            tableRows[slot] = row
        }
        self.keys = table
        self.rows = tableRows
        self.mask = mask
    }

    /// The slot `key` is probed from.
    @inline(__always)
    static func home(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key) & mask }
}
