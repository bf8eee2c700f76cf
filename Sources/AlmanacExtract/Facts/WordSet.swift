/// A set of short words (one to four Basic Multilingual Plane scalars) looked up by their scalars.
///
/// Each word packs into one `UInt64` (16 bits a scalar), so a lookup builds no `String` and hashes
/// eight bytes: the finders test every word of a clause against such lists.
struct WordSet: Sendable {
    /// The packed words in an open-addressing table at most a quarter full (0 = empty: no packed word
    /// is 0), probed from a multiplicative hash of the key: a lookup is a multiply and a load or two,
    /// where a `Set<UInt64>` ran SipHash a word.
    private let table: [UInt64]
    private let mask: Int

    /// The set of `words`; a word longer than four scalars or outside the BMP is a programming error.
    init(_ words: [String]) {
        var keys: Set<UInt64> = []
        for word in words {
            let scalars = word.unicodeScalars.map(\.value)
            guard let key = Self.key(scalars[...]) else { preconditionFailure("\(word) does not fit a WordSet") }
            keys.insert(key)
        }
        var capacity = 16
        while capacity < keys.count * 4 { capacity <<= 1 }
        var table = [UInt64](repeating: 0, count: capacity)
        for key in keys {
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

    /// Whether the scalars spell a word of the set.
    @inline(__always)
    func contains(_ word: ArraySlice<UInt32>) -> Bool {
        guard let key = Self.key(word) else { return false }
        return table.withUnsafeBufferPointer { table in
            var slot = Self.slot(key, mask)
            while true {
                let found = table[slot]
                if found == key { return true }
                if found == 0 { return false }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// Whether `word` is in the set.
    func contains(_ word: String) -> Bool {
        contains(word.unicodeScalars.map(\.value)[...])
    }

    @inline(__always)
    private static func key(_ word: ArraySlice<UInt32>) -> UInt64? {
        guard !word.isEmpty, word.count <= 4 else { return nil }
        var key: UInt64 = 0
        for value in word {
            guard value < 0x10000, value != 0 else { return nil }
            key = key << 16 | UInt64(value)
        }
        return key
    }
}
