/// Unicode properties that hot paths ask of many scalars, answered without the runtime's property
/// lookup (`Unicode.Scalar.Properties` searches the Unicode data for each call).
extension ScalarClass {
    /// Whether the scalar has the Unicode White_Space property (`Unicode.Scalar.Properties.isWhitespace`):
    /// the property's complete, fixed list of code points, tested by value.
    public static func isWhiteSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether the scalar is a letter or a digit in Unicode's sense (`isAlphabetic` or a numeric
    /// type): answered from a table of the Basic Multilingual Plane made once, the runtime's
    /// properties asked only beyond it.
    public static func isLetterOrNumber(_ value: UInt32) -> Bool {
        if value < 0x10000 { return letterOrNumberTable.contains(value) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// How a search index spells scalar `value`: a letter or digit in lower case (kept as it is when
    /// its lower case is more than one scalar), a private-use character as it is, and anything else
    /// (a mark, a symbol, punctuation) as a space, which splits the word there.
    ///
    /// ASCII comes back unchanged: SQLite's `ascii` tokenizer, which reads the index, lowers its
    /// letters and splits at its other characters itself, and takes every other scalar as part of a
    /// word. Spelled this way (index and query alike), words split and fold in every script much as
    /// FTS5's `unicode61` tokenizer split and folded them, at the `ascii` tokenizer's cost.
    ///
    /// Inlined for ASCII and the common Han block, which most index text is; the rest is looked up.
    @inline(__always)
    public static func searchForm(_ value: UInt32) -> UInt32 {
        value < 0x80 || (0x4E00...0x9FFF).contains(value) ? value : searchForm(beyondCommonScalar: value)
    }

    private static func searchForm(beyondCommonScalar value: UInt32) -> UInt32 {
        if isHan(value) { return value }
        if (0xE000...0xF8FF).contains(value) || value >= 0xF0000 { return value }
        guard isLetterOrNumber(value) else { return 0x20 }
        guard let scalar = Unicode.Scalar(value),
            value < 0x10000 ? changesWhenLowercasedTable.contains(value) : scalar.properties.changesWhenLowercased
        else { return value }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let first = lower.first else { return value }
        return first.value
    }

    private static let changesWhenLowercasedTable = PlaneTable { $0.properties.changesWhenLowercased }

    private static let letterOrNumberTable = PlaneTable {
        $0.properties.isAlphabetic || $0.properties.numericType != nil
    }
}

/// A property of every scalar of the Basic Multilingual Plane, read once into a bitmap (8 KB).
struct PlaneTable: Sendable {
    private let words: [UInt64]

    /// The table of the scalars for which `property` holds (surrogate code points never do).
    init(_ property: (Unicode.Scalar) -> Bool) {
        var words = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), property(scalar) else { continue }
            words[Int(value >> 6)] |= 1 << UInt64(value & 63)
        }
        self.words = words
    }

    /// Whether the property holds for `value`, which is below 0x10000.
    func contains(_ value: UInt32) -> Bool {
        words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
