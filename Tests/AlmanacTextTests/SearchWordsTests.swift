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

    /// Index words hold letters beyond ASCII in lower case and are split at marks and symbols, as
    /// FTS5's `unicode61` tokenizer would read them; ASCII is left to the `ascii` tokenizer.
    @Test func indexWordsAreInTheirSearchForm() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(Segmenter.searchForm(of: "ÉCOLE ＡＢＣ 岚江 ABC 5G") == "éCOLE ａｂｃ 岚江 ABC 5G")
        #expect(Segmenter.searchForm(of: "安德烈·彼得罗夫") == "安德烈 彼得罗夫")
        #expect(Segmenter.searchForm(of: "℃％—") == "   ")
        // Private use stays; İ, whose lower case is two scalars, stays as it is.
        #expect(Segmenter.searchForm(of: "\u{E000}İ") == "\u{E000}İ")
        let words = segmenter.indexText(in: "ＡＢＣ型储能柜").split(separator: " ")
        #expect(words.contains("ａｂｃ") && !words.contains("ＡＢＣ"))
        #expect(segmenter.indexText(in: "岚江市在建工程") == segmenter.searchWords(in: "岚江市在建工程").joined(separator: " "))
    }

    @Test func anUnknownWordGivesItsCharacterPairs() throws {
        let segmenter = try #require(Self.segmenter)
        // 岚江港 is a name the lexicon lacks: its pairs let 岚江 find it.
        #expect(!segmenter.lexicon.contains("岚江港"))
        #expect(segmenter.subwords(of: "岚江港").contains("岚江"))
    }

    @Test func aStrandedCharacterPairsWithItsNeighbours() throws {
        let segmenter = try #require(Self.segmenter)
        // The segmenter leaves 岚 single before 江边; 岚江 and 岚江边 are indexed as well.
        #expect(segmenter.words(in: "沿着岚江边") == ["沿着", "岚", "江边"])
        let words = segmenter.searchWords(in: "沿着岚江边")
        #expect(words.contains("岚江") && words.contains("岚江边"))
        // The model glued 在 to 岚 (`在岚 江边`): the pair across the boundary still finds 岚江.
        #expect(segmenter.words(in: "居民在岚江边") == ["居民", "在岚", "江边"])
        #expect(segmenter.searchWords(in: "居民在岚江边").contains("岚江"))
        // A grammatical character (的, 在 …) is no part of a name.
        #expect(!segmenter.searchWords(in: "步道的起点").contains("的起"))
    }

    @Test func indexTextIsTheSearchWordsJoinedBySpacesInTheirSearchForm() throws {
        let segmenter = try #require(Self.segmenter)
        // Han words with sub-words, full-width and half-width Latin and digits, a compatibility
        // ideograph, punctuation (dropped), a character outside the Basic Multilingual Plane.
        let text = "岚江市在建工程前４个月完成投资6.43亿元，ＧＤＰ增长；北湾港5G基站。\u{F900}𠀀字 见 the city’s plan！"
        let words = segmenter.searchWords(in: text)
        #expect(words.contains("工程") && words.contains("岚江") && words.contains("ＧＤＰ"))
        #expect(!words.contains("，") && !words.contains("；"))
        #expect(segmenter.indexText(in: text) == Segmenter.searchForm(of: words.joined(separator: " ")))
        #expect(segmenter.indexText(in: "") == "" && segmenter.indexText(in: "，。！") == "")
    }

    @Test func queryTermsJoinStrandedCharactersToTheirNeighbour() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.searchTerms(in: "蒿坨子") == [["蒿坨子", "蒿 坨子"]])
        #expect(segmenter.searchTerms(in: "健身步道") == [["健身步道", "健身 步 道"]])
        #expect(segmenter.searchTerms(in: "在建工程 岚江") == [["在建"], ["工程"], ["岚江"]])
        #expect(segmenter.searchTerms(in: "工程，工程 GDP") == [["工程"], ["GDP"]])
        #expect(segmenter.searchTerms(in: "，。！ ()") == [])
    }

    @Test func shortWordsAndNonChineseWordsHaveNone() throws {
        let segmenter = try #require(Self.segmenter)
        #expect(segmenter.subwords(of: "工程") == [])
        #expect(segmenter.subwords(of: "GDP") == [])
        #expect(segmenter.subwords(of: "6.43亿") == [])
    }

    @Test func searchWordsAreTheWordsThenTheirSubWords() throws {
        let segmenter = try #require(Self.segmenter)
        let words = segmenter.searchWords(in: "岚江市在建工程，")
        // The words as cut, then the sub-words, so neighbouring words stay neighbours for phrases.
        #expect(words.starts(with: ["岚江市", "在建", "工程"]))
        #expect(words.contains("岚江") && words.contains("工程"))
        #expect(!words.contains("，"))
    }
}

/// ``Segmenter/isSearchable(_:)``'s shortcuts for ASCII and CJK agree with the Unicode properties.
struct SearchableScalarTests {
    @Test func theShortcutsAgreeWithTheProperties() {
        let ranges: [ClosedRange<UInt32>] = [
            0...0x7F, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF,
        ]
        var checked = 0
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let expected = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                #expect(Segmenter.isSearchable(String(scalar)) == expected, "U+\(String(value, radix: 16))")
                checked += 1
            }
        }
        #expect(checked > 27_000)
    }
}

/// The property tables answer as the runtime's Unicode properties do, for every scalar.
struct ScalarPropertyTests {
    @Test func whiteSpaceAndLettersAgreeWithThePropertiesEverywhere() {
        var spaces = 0
        var letters = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isSpace = scalar.properties.isWhitespace
            let isLetter = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if ScalarClass.isWhiteSpace(value) != isSpace { Issue.record("white space U+\(String(value, radix: 16))") }
            if ScalarClass.isLetterOrNumber(value) != isLetter { Issue.record("letter U+\(String(value, radix: 16))") }
            if isSpace { spaces += 1 }
            if isLetter { letters += 1 }
        }
        #expect(spaces == 25)
        #expect(letters > 100_000)
    }
}
