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
    static func set(_ characters: String) -> Set<UInt32> {
        Set(characters.unicodeScalars.map(\.value))
    }

    /// Clause breaks: commas, semicolons, colons, sentence ends and line breaks (not 、).
    static let clauseBreaks = set("，,；;：:。！？!?\n")
    /// Sentence ends inside a paragraph.
    static let sentenceEnds = set("。！？!?；;")
}
