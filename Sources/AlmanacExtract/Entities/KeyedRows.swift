/// Rows of label weights by whole 64-bit feature key, in an open-addressing table at most two-thirds
/// full: the keys (8 bytes a slot) are probed, the rows (16 bytes) read only for a key found, so
/// the misses — most lookups — stay in a table a quarter the size of the tagger's.
///
/// Before the table, a blocked Bloom filter of 2^17 bits (16 KB, so it stays in the first-level
/// cache) holds two bits per key in one 64-bit word: a key with either bit clear is not in the
/// table, and most keys a text gives are answered by that one load. Two bits a key let through
/// about half the absent keys one bit did (one in fourteen for the bundled model's 20,000 keys). It
/// has no false negatives, so lookups find exactly what the table holds.
struct KeyedRows: Sendable {
    /// The keys, 0 for an empty slot; `rows` beside them.
    let keys: [UInt64]
    let rows: [SIMD8<Int16>]
    let mask: Int
    /// The bit map of the keys, ``filterBit(_:)`` of each set.
    let filter: [UInt64]

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
        var filter = [UInt64](repeating: 0, count: Self.filterWords)
        for key in keys where key != 0 { filter[Self.filterWord(key)] |= Self.filterBits(key) }
        self.filter = filter
        self.keys = table
        self.rows = tableRows
        self.mask = mask
    }

    /// The row of `key` (zero when the table lacks it).
    func row(_ key: UInt64) -> SIMD8<Int16> {
        guard key != 0, Self.mayContain(key, in: filter) else { return SIMD8() }
        var slot = Self.home(key, mask)
        while keys[slot] != 0 {
            if keys[slot] == key { return rows[slot] }
            slot = (slot + 1) & mask
        }
        return SIMD8()
    }

    /// The slot `key` is probed from.
    @inline(__always)
    static func home(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key) & mask }

    /// 2,048 words of 64 bits: 16 KB.
    static let filterWords = 1 << 11

    /// The word of `filter` that holds `key`'s bits: bits of the key above those that choose its home slot.
    @inline(__always)
    static func filterWord(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key >> 40) & (filterWords - 1) }

    /// The two bits of `key` in its word (one when both picks are the same), from higher bits still.
    @inline(__always)
    static func filterBits(_ key: UInt64) -> UInt64 { 1 << (key >> 51 & 63) | 1 << (key >> 58) }

    /// Whether `key` may be in the table (it is not when this is false).
    @inline(__always)
    static func mayContain(_ key: UInt64, in filter: [UInt64]) -> Bool {
        let bits = filterBits(key)
        return filter[filterWord(key)] & bits == bits
    }
}
