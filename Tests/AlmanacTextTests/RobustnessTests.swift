import Testing

@testable import AlmanacText

/// Random text built from the characters the parsers care about must never trap, and every result
/// must stay inside the text.
struct RobustnessTests {
    static let alphabet = Array(
        "0123456789.,%-－—~年月日时分秒号万亿千百十零〇一二两三四五六七八九第百分之余多来点约近超过左右以上镇村的蒿坨子ＡＢｃ１２．，％ \t…。！？“”（）abc#+&'/:\n\r\u{3000}\u{20000}"
            .unicodeScalars)

    /// Deterministic pseudo-random lines (a linear congruential generator, so failures reproduce).
    static func randomLines(count: Int) -> [String] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 40) { view.append(alphabet[next() % alphabet.count]) }
            return String(view)
        }
    }

    @Test func numeralsStayInsideTheTextAndDoNotOverlap() {
        for line in Self.randomLines(count: 3000) {
            let scalars = line.scalarValues
            var previousEnd = 0
            for numeral in NumeralParser.numerals(in: scalars) {
                #expect(numeral.range.lowerBound >= previousEnd && numeral.range.upperBound <= scalars.count)
                #expect(!numeral.range.isEmpty && numeral.value.isFinite)
                previousEnd = numeral.range.upperBound
            }
        }
    }

    @Test func sentencesAndNormalisationStayInsideTheText() {
        for line in Self.randomLines(count: 3000) {
            let count = line.unicodeScalars.count
            for sentence in SentenceSplitter.sentences(in: line) {
                #expect(sentence.range.lowerBound >= 0 && sentence.range.upperBound <= count && !sentence.range.isEmpty)
            }
            let normalized = Normalizer().normalize(line)
            #expect(normalized.originalOffsets == normalized.originalOffsets.sorted())
            #expect(normalized.originalOffsets.last == count)
        }
    }

    @Test func segmentationCoversEveryNonSpaceScalar() throws {
        let segmenter = try #require(SegmenterTests.segmenter)
        for line in Self.randomLines(count: 3000) {
            let scalars = line.scalarValues
            let covered = segmenter.wordRanges(in: scalars).flatMap { Array($0) }
            #expect(covered == scalars.indices.filter { !ScalarClass.isSpace(scalars[$0]) })
        }
    }
}
