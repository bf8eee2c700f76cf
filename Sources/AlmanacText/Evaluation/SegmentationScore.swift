/// Word precision, recall and F1 of a segmentation against a gold one (the SIGHAN score).
///
/// Both sides are lines of words separated by white space. A word counts as right when the gold has
/// a word with the same span (offsets counted over the line's characters, white space removed).
public struct SegmentationScore: Sendable, Equatable, Codable {
    /// Words in the gold segmentation.
    public var goldWords: Int
    /// Words predicted.
    public var predictedWords: Int
    /// Predicted words whose span is a gold word's span.
    public var correctWords: Int

    /// Creates a score from counts.
    public init(goldWords: Int = 0, predictedWords: Int = 0, correctWords: Int = 0) {
        self.goldWords = goldWords
        self.predictedWords = predictedWords
        self.correctWords = correctWords
    }

    /// Correct words over predicted words.
    public var precision: Double { predictedWords == 0 ? 0 : Double(correctWords) / Double(predictedWords) }
    /// Correct words over gold words.
    public var recall: Double { goldWords == 0 ? 0 : Double(correctWords) / Double(goldWords) }
    /// The harmonic mean of precision and recall.
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Scores predicted lines against gold lines, paired in order.
    public static func score(gold: [Substring], predicted: [Substring]) -> SegmentationScore {
        var total = SegmentationScore()
        for (index, goldLine) in gold.enumerated() {
            total.add(gold: goldLine, predicted: index < predicted.count ? predicted[index] : "")
        }
        return total
    }

    /// Scores whole texts line by line.
    public static func score(gold: String, predicted: String) -> SegmentationScore {
        score(gold: lines(gold), predicted: lines(predicted))
    }

    /// Adds one line pair to the counts.
    public mutating func add(gold: Substring, predicted: Substring) {
        let goldSpans = Self.spans(gold)
        let predictedSpans = Self.spans(predicted)
        goldWords += goldSpans.count
        predictedWords += predictedSpans.count
        var g = 0
        for span in predictedSpans {
            while g < goldSpans.count && goldSpans[g].lowerBound < span.lowerBound { g += 1 }
            if g < goldSpans.count && goldSpans[g] == span { correctWords += 1 }
        }
    }

    /// The lines of `text` (`\n` or `\r\n` ends a line; a final line break opens no empty line).
    public static func lines(_ text: String) -> [Substring] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Word spans of a line, counting scalars with white space removed.
    static func spans(_ line: Substring) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var offset = 0
        var start = -1
        for scalar in line.unicodeScalars {
            if ScalarClass.isSpace(scalar.value) {
                if start >= 0 { spans.append(start..<offset) }
                start = -1
            } else {
                if start < 0 { start = offset }
                offset += 1
            }
        }
        if start >= 0 { spans.append(start..<offset) }
        return spans
    }
}
