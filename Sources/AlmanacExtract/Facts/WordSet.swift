/// A set of short words (one to four Basic Multilingual Plane scalars) looked up by their scalars.
///
/// Each word packs into one `UInt64` (16 bits a scalar), so a lookup builds no `String` and hashes
/// eight bytes: the finders test every word of a clause against such lists.
struct WordSet: Sendable {
    /// The packed words (``KeyTable``).
    private let table: KeyTable
    /// The lengths of the shortest and the longest word, in scalars.
    private let lengths: ClosedRange<Int>
    /// The words' first scalars.
    let firsts: ScalarSet

    /// The set of `words`; a word longer than four scalars or outside the BMP is a programming error.
    init(_ words: [String]) {
        var keys: Set<UInt64> = []
        for word in words {
            let scalars = word.unicodeScalars.map(\.value)
            guard let key = Self.key(scalars[...]) else { preconditionFailure("\(word) does not fit a WordSet") }
            keys.insert(key)
        }
        table = KeyTable(keys)
        let counts = words.map(\.unicodeScalars.count)
        lengths = (counts.min() ?? 1)...(counts.max() ?? 1)
        firsts = ScalarSet(values: words.compactMap(\.unicodeScalars.first?.value))
    }

    /// Whether the scalars spell a word of the set.
    @inline(__always)
    func contains(_ word: ArraySlice<UInt32>) -> Bool {
        guard let key = Self.key(word) else { return false }
        return table.contains(key)
    }

    /// The length of the longest word of the set printed at `index` of `scalars`, or `nil`: one probe
    /// a length, where matching a list of words compared them one by one.
    func longestMatch(in scalars: [UInt32], at index: Int) -> Int? {
        for length in lengths.reversed() where index + length <= scalars.count {
            if contains(scalars[index..<index + length]) { return length }
        }
        return nil
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
