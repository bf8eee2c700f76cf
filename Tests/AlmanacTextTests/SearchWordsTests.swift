import AlmanacText
import Testing

/// Sub-words for a search index: what a query word inside a longer word needs.
struct SearchWordsTests {
    static let segmenter = try? Segmenter.bundled()

    @Test func lexiconWordsInsideALongerWordAreSubWords() throws {
        let segmenter = try #require(Self.segmenter)
        let subwords = segmenter.subwords(of: "在建工程")
        #expect(subwords.contains("工程"))
        #expect(subwords.contains("在建"))
        #expect(!subwords.contains("在建工程"))
    }

    @Test func aPlaceNameLosesItsSuffix() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.subwords(of: "岚江市").contains("岚江"))
        #expect(segmenter.subwords(of: "蒿坨子镇").contains("蒿坨子"))
        // Two characters: 超市 is no place, and one character is no name.
        #expect(segmenter.subwords(of: "超市") == [])
    }

    @Test func anUnknownWordGivesItsCharacterPairs() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.subwords(of: "岚江港").starts(with: ["岚江", "江港"]) || segmenter.subwords(of: "岚江港").contains("岚江"))
    }

    @Test func shortWordsAndNonChineseWordsHaveNone() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.subwords(of: "工程") == [])
        #expect(segmenter.subwords(of: "GDP") == [])
        #expect(segmenter.subwords(of: "6.43亿") == [])
    }

    @Test func searchWordsFollowEachWordWithItsSubWords() throws {
        let segmenter = try #require(Self.segmenter)
        let words = segmenter.searchWords(in: "岚江市在建工程，")
        #expect(words.first == "岚江市")
        #expect(words.contains("岚江") && words.contains("工程"))
        #expect(!words.contains("，"))
    }
}
