import Testing

@testable import AlmanacText

struct SegmenterTests {
    static let segmenter: Segmenter? = try? Segmenter.bundled()

    @Test func bundledResourcesLoad() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.lexicon.wordCount > 300_000)
        #expect(segmenter.lexicon.contains("经济"))
        #expect(segmenter.lexicon.tag(of: "北京") == "ns")
        #expect(segmenter.lexicon.frequency(of: "不是一个词啊") == nil)
    }

    @Test(arguments: [
        ("岚江市上半年担保贷款6.43亿元", ["岚江市", "上半年", "担保", "贷款", "6.43亿", "元"]),
        ("1998年12月31日", ["1998年", "12月", "31日"]),
        ("一九九八年十二月", ["一九九八年", "十二月"]),
        ("同比增长7.4%", ["同比", "增长", "7.4%"]),
        ("投资三十五万元", ["投资", "三十五万", "元"]),
        ("第三季度", ["第三", "季度"]),
        ("增长百分之三十", ["增长", "百分之三十"]),
        ("１２，３４５人", ["１２，３４５", "人"]),
        ("ＧＤＰ增长", ["ＧＤＰ", "增长"]),
        ("5G网络和iPhone 15", ["5G", "网络", "和", "iPhone", "15"]),
        ("10余万人", ["10余万", "人"]),
        ("他说：“好……”", ["他", "说", "：", "“", "好", "……", "”"]),
        ("唯一一个", ["唯一", "一个"]),
    ])
    func segments(_ text: String, _ expected: [String]) throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.words(in: text) == expected)
    }

    @Test func unknownNamesComeOutWhole() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.words(in: "本报讯记者林晓报道").contains("林晓"))
        #expect(segmenter.words(in: "蒿坨子镇的企业").first == "蒿坨子镇")
        #expect(segmenter.words(in: "建设新农村") == ["建设", "新", "农村"])
    }

    @Test func wordRangesCoverEveryNonSpaceScalarInOrder() throws {
        let segmenter = try #require(Self.segmenter)
        let text = "  岚江观察 GUANCHA\t企业 and 特色品牌产品，2023年8月30日。  "
        let scalars = text.scalarValues
        let covered = segmenter.wordRanges(in: scalars).flatMap { Array($0) }
        let expected = scalars.indices.filter { !ScalarClass.isSpace(scalars[$0]) }
        #expect(covered == expected)
    }

    @Test func wordRangesOfASliceAreThoseOfItsCopyShifted() throws {
        let segmenter = try #require(Self.segmenter)
        let scalars = "岚江市上半年担保贷款６.４３亿元，同比增长7.4%，岚江观察 GUANCHA 特色品牌".scalarValues
        for range in [0..<scalars.count, 3..<12, 10..<scalars.count, 5..<5] {
            let copy = segmenter.wordRanges(in: Array(scalars[range]))
            let shifted = copy.map { ($0.lowerBound + range.lowerBound)..<($0.upperBound + range.lowerBound) }
            #expect(segmenter.wordRanges(in: scalars, range: range) == shifted)
        }
        // Full-width digits fold: the folded scalars give the same words without folding again.
        #expect(segmenter.wordRanges(inWidthFolded: scalars.map(ScalarClass.foldWidth)) == segmenter.wordRanges(in: scalars))
        #expect(segmenter.wordRanges(in: scalars, range: 0..<scalars.count).contains(10..<15))  // ６.４３亿
    }

    @Test func userWordsTakeEffectAtRunTime() throws {
        let base = try #require(Self.segmenter)
        #expect(!base.words(in: "蒿坨子的企业").contains("蒿坨子"))
        let user = try UserLexicon(parsing: "蒿坨子\n岚江重工金属 100 nt\n# a comment\n\n企业 0\n")
        let segmenter = Segmenter(lexicon: base.lexicon, userLexicon: user, model: base.model)
        #expect(segmenter.words(in: "蒿坨子的企业").first == "蒿坨子")
        #expect(segmenter.words(in: "岚江重工金属公司").first == "岚江重工金属")
        // Frequency 0 removes a lexicon word (the model, left out here, may still join unknown runs).
        let withoutModel = Segmenter(lexicon: base.lexicon, userLexicon: user, model: nil)
        #expect(withoutModel.words(in: "发展企业") == ["发展", "企", "业"])
        #expect(base.words(in: "发展企业") == ["发展", "企业"])
    }

    @Test func userLexiconRejectsMalformedLines() {
        #expect(throws: LexiconError.self) { try UserLexicon(parsing: "词 频率 标注") }
        #expect((try? UserLexicon(parsing: "词 n"))?.entries == [UserLexicon.Entry(word: "词", tag: "n")])
    }

    @Test func segmentsLineByLineInTheSIGHANFormat() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.segmentedText("经济增长\r\n\n就业稳定\n") == "经济  增长\n\n就业  稳定\n")
        let bytes = segmenter.segmentLines(utf8: Array("经济增长".utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "经济  增长\n")
    }
}

struct SegmentationScoreTests {
    @Test func perfectSegmentationScoresOne() {
        let score = SegmentationScore.score(gold: "经济  增长\n就业\n", predicted: "经济 增长\n就业\n")
        #expect(score.precision == 1 && score.recall == 1 && score.f1 == 1)
    }

    @Test func countsSpanMatches() {
        // gold: 经济|增长|很快 ; predicted: 经济增长|很快 → 1 of 2 predicted right, 1 of 3 gold found.
        let score = SegmentationScore.score(gold: "经济  增长  很快", predicted: "经济增长  很快")
        #expect(score.correctWords == 1)
        #expect(score.precision == 0.5)
        #expect(abs(score.recall - 1.0 / 3) < 1e-12)
        #expect(abs(score.f1 - 0.4) < 1e-12)
    }
}
