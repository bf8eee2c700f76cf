import Foundation

/// Cuts Chinese text into words.
///
/// Text is first cut into pieces: numbers (`6.43亿`, `1998年`, `7.4%`, `三十五万`, `第三`), Latin and
/// digit runs (`GDP`, `5G`), punctuation, and runs of Chinese characters. Each run is cut along the
/// most probable path through the graph of lexicon words it contains (as jieba does); runs of
/// characters left single are then cut by a hidden Markov model, so unknown names come out whole.
///
/// ```swift
/// let segmenter = try Segmenter.bundled()
/// segmenter.words(in: "岚江市上半年担保贷款6.43亿元")   // ["岚江市", "上半年", "担保", "贷款", "6.43亿", "元"]
/// ```
///
/// A `Segmenter` is an immutable value: share it freely between tasks.
public struct Segmenter: Sendable {
    /// The lexicon words are looked up in.
    public let lexicon: Lexicon
    /// Words added at run time, resolved against `lexicon`.
    public let userLexicon: UserLexicon
    /// The model for runs of characters the lexicon leaves single; `nil` leaves them single.
    public let model: HiddenMarkovModel?

    /// Creates a segmenter.
    public init(lexicon: Lexicon, userLexicon: UserLexicon = UserLexicon(), model: HiddenMarkovModel?) {
        self.lexicon = lexicon
        self.userLexicon = userLexicon.resolved(against: lexicon)
        self.model = model
    }

    /// A segmenter over the bundled lexicon and model, with optional user words.
    public static func bundled(userLexicon: UserLexicon = UserLexicon()) throws -> Segmenter {
        let lexicon = try Lexicon.bundled ?? Lexicon(resource: "lexicon")
        let model = try HiddenMarkovModel.bundled ?? HiddenMarkovModel(bytes: Lexicon.resourceBytes("hmm"))
        return Segmenter(lexicon: lexicon, userLexicon: userLexicon, model: model)
    }

    // MARK: - Public API

    /// The words of `text`, white space dropped.
    public func words(in text: String) -> [String] {
        let scalars = text.scalarValues
        return wordRanges(in: scalars).map { String(scalarValues: scalars[$0]) }
    }

    /// The scalar ranges of the words of `scalars`, in order; white space belongs to no word.
    public func wordRanges(in scalars: [UInt32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(scalars.count / 2 + 1)
        var scratch = Scratch(textLength: scalars.count)
        let folded = scalars.map(ScalarClass.foldWidth)
        folded.withUnsafeBufferPointer { appendWords(of: $0, to: &ranges, scratch: &scratch) }
        return ranges
    }

    /// ``wordRanges(in:)`` of `scalars[range]` read as a text of its own, with the ranges counted in
    /// `scalars`: the same words as segmenting a copy of the slice, without the copy and the shift.
    public func wordRanges(in scalars: [UInt32], range: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var buffers = Buffers()
        wordRanges(in: scalars, range: range, into: &ranges, buffers: &buffers)
        return ranges
    }

    /// Working space for cutting many passages one after another with
    /// ``wordRanges(in:range:into:buffers:)``: kept between calls, so that once it has grown a cut
    /// allocates nothing (each cut of a clause made its own folded copy, path arrays and model arrays).
    public struct Buffers {
        var folded: [UInt32] = []
        var scratch = Scratch()

        /// Empty buffers; they grow to the longest passage cut with them.
        public init() {}
    }

    /// ``wordRanges(in:range:)`` written into `ranges` (emptied first), with `buffers` as working space.
    public func wordRanges(
        in scalars: [UInt32], range: Range<Int>, into ranges: inout [Range<Int>], buffers: inout Buffers
    ) {
        ranges.removeAll(keepingCapacity: true)
        // Taken out while the scratch is lent to the cut (two parts of one buffer, used together).
        var folded: [UInt32] = []
        swap(&folded, &buffers.folded)
        folded.removeAll(keepingCapacity: true)
        folded.reserveCapacity(range.count)
        for value in scalars[range] { folded.append(ScalarClass.foldWidth(value)) }
        folded.withUnsafeBufferPointer { appendWords(of: $0, to: &ranges, scratch: &buffers.scratch) }
        swap(&folded, &buffers.folded)
        let offset = range.lowerBound
        if offset != 0 {
            for index in ranges.indices {
                ranges[index] = (ranges[index].lowerBound + offset)..<(ranges[index].upperBound + offset)
            }
        }
    }

    /// ``wordRanges(in:)`` of scalars already width-folded (``ScalarClass/foldWidth(_:)`` of each):
    /// the same ranges, without folding them a second time.
    public func wordRanges(inWidthFolded scalars: [UInt32]) -> [Range<Int>] {
        wordRanges(inWidthFolded: scalars, wordStarts: nil)
    }

    /// ``wordRanges(inWidthFolded:)`` that also sets `wordStarts` (one element a scalar) to the lexicon
    /// words the cut's walks down the trie found starting at each scalar (``LexiconWordStarts``).
    public func wordRanges(inWidthFolded scalars: [UInt32], wordStarts: inout [LexiconWordStarts]) -> [Range<Int>] {
        wordStarts = [LexiconWordStarts](filling: LexiconWordStarts(), count: scalars.count)
        return wordStarts.withUnsafeMutableBufferPointer {
            wordRanges(inWidthFolded: scalars, wordStarts: $0.baseAddress)
        }
    }

    private func wordRanges(
        inWidthFolded scalars: [UInt32], wordStarts: UnsafeMutablePointer<LexiconWordStarts>?
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(scalars.count / 2 + 1)
        var scratch = Scratch(textLength: scalars.count)
        scalars.withUnsafeBufferPointer {
            appendWords(of: $0, to: &ranges, scratch: &scratch, wordStarts: wordStarts)
        }
        return ranges
    }

    /// `text` with its words separated by `separator` (two spaces, the SIGHAN format), line by line.
    public func segmentedText(_ text: String, separator: String = "  ") -> String {
        var output = segmentLines(utf8: Array(text.utf8), separator: separator)
        if !text.hasSuffix("\n"), output.last == 0x0A { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }
}

extension Int32 {
    /// Whether this trie node ends a word of `lexicon`.
    func isWord(in lexicon: Lexicon) -> Bool { lexicon.frequency(at: self) > 0 }
}
