/// The lexicon words that start at one scalar of a text, as the segmenter's walk down the trie found
/// them while cutting the text (``Segmenter/wordRanges(inWidthFolded:wordStarts:)``).
///
/// The cut walks the trie from every scalar of a run of Chinese characters (reading on past the run's
/// end where a path goes on, as ``Lexicon/forEachWord(startingAt:in:maxLength:_:)`` does); a reader
/// that wants every word the text could hold at a point (the entity recogniser's dictionary features)
/// reads what those walks found here instead of walking the trie a second time. Scalars the cut does
/// not walk from are marked incomplete, and the reader walks from them itself.
public struct LexiconWordStarts: Sendable {
    /// The longest words recorded, as ``Lexicon/forEachWord(startingAt:in:maxLength:_:)`` with this
    /// `maxLength`.
    public static let maxLength = 8

    /// Bit `length` is set for each lexicon word of `length` scalars (1 to ``maxLength``) starting here.
    public private(set) var lengths: UInt16 = 0
    /// Whether `lengths` holds exactly the words `forEachWord` reports at this scalar with a `maxLength`
    /// of 8: false where the cut did not walk from it (outside runs of Chinese characters, in numbers,
    /// in runs of one character).
    public internal(set) var isComplete = false
    /// The tag index (into ``Lexicon/tagNameList``) of the word of each length, in byte `length - 1`.
    @usableFromInline var tags: UInt64 = 0

    public init() {}

    /// Records the word of `length` scalars with tag index `tag`.
    @inline(__always)
    mutating func add(length: Int, tag: UInt8) {
        lengths |= 1 << UInt16(length)
        tags |= UInt64(tag) << UInt64(8 * (length - 1))
    }

    /// Whether a word of `length` scalars starts here.
    @inlinable
    public func contains(length: Int) -> Bool { length <= Self.maxLength && lengths & (1 << UInt16(length)) != 0 }

    /// The tag index of the word of `length` scalars (its bit set in `lengths`).
    @inlinable
    public func tagIndex(ofLength length: Int) -> Int {
        Int(truncatingIfNeeded: (tags >> UInt64(8 * (length - 1))) & 0xFF)
    }
}
