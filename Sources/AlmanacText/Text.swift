/// Chinese text primitives: normalisation, numerals, sentences and words.
///
/// Every offset AlmanacText hands out counts Unicode scalars, `end` exclusive; work on
/// `text.scalarValues` (`[UInt32]`) to index the same way.
///
/// - ``Normalizer`` folds widths and punctuation variants and removes stray spaces, returning
///   ``NormalizedText`` with a map back to the offsets of the text as read.
/// - ``NumeralParser`` finds numbers (`6.43亿`, `两千`, `1万-5万`, `约30`, `百分之三十`) and resolves
///   them to ``Numeral`` values.
/// - ``SentenceSplitter`` cuts text into ``Sentence``s.
/// - ``Segmenter`` cuts text into words over the bundled ``Lexicon`` (derived from jieba's MIT-licensed
///   dictionary), a ``HiddenMarkovModel`` for unknown words, and an optional ``UserLexicon``.
/// - ``SegmentationScore`` is the SIGHAN word precision/recall/F1.
///
/// ```swift
/// let segmenter = try Segmenter.bundled()
/// let normalized = Normalizer().normalize(pageText)
/// for sentence in SentenceSplitter.sentences(in: normalized.text) {
///     let words = segmenter.words(in: sentence.text)
///     let numbers = NumeralParser.numerals(in: sentence.text)
///     let origin = normalized.originalRange(of: sentence.range)   // offsets in the page as read
/// }
/// ```
public enum AlmanacTextInfo {
    /// The version of the text engine.
    public static let version = "0.1.0"
}
