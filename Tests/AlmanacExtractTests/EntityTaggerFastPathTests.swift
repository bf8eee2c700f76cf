import AlmanacText
import Testing

@testable import AlmanacExtract

/// The tagger's fast path (dense tables read from a text's ``CharacterContext``) against the
/// plain one (every feature key hashed and looked up): the scores and the spans must be the same.
struct EntityTaggerFastPathTests {
    static let grammar = try! EntityGrammar.bundled()
    static let tagger = try! EntityTagger.bundled()

    /// Invented sentences about the demo city, and the scalars they and the generator draw on.
    static let sentences = [
        "本报讯 岚江市发展和改革委员会主任李明华介绍，岚江新材料股份有限公司总投资12亿元的高端铝材项目日前开工。",
        "岚江云帆新材料股份有限公司（以下简称“云帆新材”）今年扩产。记者了解到，云帆新材计划再建两条生产线。",
        "欧阳晓东、司马文在青石镇和北湖街道调研；ＧＤＰ增长7.5%，5G基站达1200个。",
        "（记者 王小岚 通讯员 赵一鸣）岚江市人民政府与美国、俄罗斯的客商签约，克林顿·史密斯出席。",
        "  ",
        "岚",
        "😀岚江市𠮷野家开业",
    ]

    /// Texts drawn at random from the scalars of the sentences (and a few others), seeded.
    static func generatedTexts() -> [String] {
        let pool = Array(Set(sentences.joined().unicodeScalars)) + Array("ＡＢａｂ１２ \n,.!?：；　".unicodeScalars)
        let sortedPool = pool.sorted { $0.value < $1.value }
        var generator = SeededGenerator(seed: 42)
        return (0..<40).map { index in
            let count = 1 + index * 5 % 97
            var text = String.UnicodeScalarView()
            for _ in 0..<count { text.append(sortedPool[Int(generator.next() % UInt64(sortedPool.count))]) }
            return String(text)
        }
    }

    @Test(arguments: sentences + generatedTexts())
    func theFastPathScoresEveryLabelAsThePlainOne(text: String) {
        let analysis = TextAnalysis(text.scalarValues, grammar: Self.grammar)
        let n = analysis.scalars.count
        let plain = Self.tagger.emission(CharacterFeatures.extract(analysis, grammar: Self.grammar), count: n)
        let fast = Self.tagger.emission(CharacterContext(analysis, grammar: Self.grammar))
        #expect(fast.count == n)
        for i in 0..<min(n, fast.count) {
            for label in 0..<EntityTagger.labelCount where plain[i][label] != fast[i][label] {
                Issue.record("scalar \(i) of \(text), label \(label): \(fast[i][label]) ≠ \(plain[i][label])")
            }
        }
    }

    @Test func theScoresAreNotAllZero() {
        let analysis = TextAnalysis(Self.sentences[0].scalarValues, grammar: Self.grammar)
        let fast = Self.tagger.emission(CharacterContext(analysis, grammar: Self.grammar))
        #expect(fast.contains { $0 != SIMD8() })
    }

    @Test func spansFromLabelNumbersReadAsSpansFromLabelNames() {
        var generator = SeededGenerator(seed: 7)
        for length in 0..<60 {
            let path = (0..<length).map { _ in Int(generator.next() % UInt64(EntityTagger.labelCount)) }
            let named = NERSpan.spans(fromTags: path.map { EntityTagger.labels[$0] })
            let numbered = EntitySpan.spans(fromLabels: path)
            #expect(numbered.map(\.range) == named.map { $0.start..<$0.end })
            #expect(numbered.map { NERSpan.type(of: $0.kind) } == named.map(\.type))
        }
    }
}
