/// A phrase found in a text: its scalar range and its text.
public struct Span: Sendable, Hashable {
    /// Scalar offsets in the text searched, `upperBound` exclusive.
    public var range: Range<Int>
    /// The phrase as it reads (for a bare place stem, the stem).
    public var text: String

    /// Creates a span.
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}

/// Small scalar helpers shared by the finders.
enum Scalars {
    /// Whether `word` is printed at `index` of `scalars`.
    static func matches(_ word: [UInt32], in scalars: [UInt32], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }

    /// Whether `word` ends exactly at `end` (exclusive) in `scalars`.
    static func matches(_ word: [UInt32], in scalars: [UInt32], endingAt end: Int) -> Bool {
        matches(word, in: scalars, at: end - word.count)
    }

    /// A set of the scalars of `characters`.
    static func set(_ characters: String) -> ScalarSet {
        ScalarSet(characters)
    }

    /// Clause breaks: commas, semicolons, colons, sentence ends and line breaks (not 、).
    static let clauseBreaks = set("，,；;：:。！？!?\n")
    /// Sentence ends inside a paragraph.
    static let sentenceEnds = set("。！？!?；;")
}

/// A set of Basic Multilingual Plane scalars as a bitmap: membership without hashing, for scanning loops.
struct ScalarSet: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init(_ characters: String) {
        self.init(values: characters.unicodeScalars.lazy.map(\.value))
    }

    /// The set of `values` (those beyond the Basic Multilingual Plane are left out).
    init(values: some Sequence<UInt32>) {
        for value in values { insert(value) }
    }

    mutating func insert(_ value: UInt32) {
        guard value < 0x10000 else { return }
        words[Int(value >> 6)] |= 1 << UInt64(value & 63)
    }

    /// Whether `value` is in the set.
    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 && words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }

    /// The first offset from `start` on where `scalars` holds a member, else `scalars.count`: the
    /// scan of a text for the few scalars a rule starts at, read through the buffers (indexed, the
    /// text and the bitmap were each bounds-checked at every scalar).
    func firstMember(in scalars: [UInt32], from start: Int) -> Int {
        scalars.withUnsafeBufferPointer { scalars in
            words.withUnsafeBufferPointer { words in
                var index = start
                while index < scalars.count {
                    let value = scalars[index]
                    if value < 0x10000, words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 { break }
                    index += 1
                }
                return index
            }
        }
    }

    /// The set with the scalars of `other` added.
    func union(_ other: ScalarSet) -> ScalarSet {
        var result = self
        for index in 0..<1024 { result.words[index] |= other.words[index] }
        return result
    }
}
