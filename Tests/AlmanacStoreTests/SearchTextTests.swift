import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// How queries become index terms and FTS5 expressions, and how snippets are marked; no database.
struct SearchTextTests {
    static let text = try? SearchText.bundled()

    @Test func everyQueryWordIsAQuotedFTS5String() throws {
        let terms = [
            SearchText.Term(spellings: ["工程"]), SearchText.Term(spellings: ["a\"b"]),
            SearchText.Term(spellings: ["岚江", "岚 江"]),
        ]
        #expect(SearchText.fts5Expression(terms) == #""工程" AND "a""b" AND ("岚江" OR "岚 江")"#)
    }

    @Test func punctuationAndRepeatsAreDropped() throws {
        let text = try #require(Self.text)
        let terms = try text.terms(of: "工程，工程！ 夜市")
        #expect(terms.map(\.spellings) == [["工程"], ["夜市"]])
    }

    @Test(arguments: ["", "  ", "，。", "\"()*^:"])
    func aQueryWithoutWordsThrows(query: String) throws {
        let text = try #require(Self.text)
        #expect(throws: SearchError.self) { try text.terms(of: query) }
    }

    @Test func indexedTextHoldsSubWords() throws {
        let text = try #require(Self.text)
        let words = text.indexed("岚江市在建工程。").split(separator: " ").map(String.init)
        #expect(words.contains("岚江市") && words.contains("岚江"))
        #expect(words.contains("工程"))
        #expect(!words.contains("。"))
    }

    @Test func snippetsMarkEveryMatchAndCutLongText() {
        let terms = [SearchText.Term(spellings: ["工程"]), SearchText.Term(spellings: ["岚江", "岚 江"])]
        let body = String(repeating: "前文", count: 40) + "岚江市在建工程\n和扩建工程" + String(repeating: "后文", count: 40)
        let snippet = Snippet.make(terms: terms, headline: "标题", body: body, captions: [], width: 24)
        #expect(snippet == "…前文前文前文«岚江»市在建«工程» 和扩建«工程»后文后文后…")
    }

    @Test func aMatchNearTheEndOfALongBodyShowsTheLastWidthOfText() {
        let terms = [SearchText.Term(spellings: ["工程"])]
        let body = String(repeating: "前文", count: 200) + "在建工程完工"
        let snippet = Snippet.make(terms: terms, headline: "", body: body, captions: [], width: 12)
        #expect(snippet == "…前文前文前文在建«工程»完工")
    }

    /// A scalar match that is no character match ("cafe" in a decomposed "café") is passed over.
    @Test func aMatchInsideACharacterIsNoMatch() {
        let terms = [SearchText.Term(spellings: ["cafe"])]
        let body = "老街cafe\u{301}开业" + String(repeating: "中", count: 100) + "新CAFE开业"
        let snippet = Snippet.make(terms: terms, headline: "", body: body, captions: [], width: 10)
        #expect(snippet == "…中中中新«CAFE»开业")
        let none = Snippet.make(terms: terms, headline: "", body: "老街cafe\u{301}开业", captions: [], width: 10)
        #expect(none == "老街café开业")
    }

    @Test func snippetCaseFoldingTouchesOnlyLetters() {
        func same(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool { Snippet.fold(a) == Snippet.fold(b) }
        #expect(same("A", "a") && same("Ä", "ä") && same("Ｇ", "ｇ"))
        #expect(!same("[", "{") && !same("@", "`") && !same("Ｇ", "g"))
        #expect(!same("工", "程") && same("工", "工"))
        let terms = [SearchText.Term(spellings: ["ｇｄｐ"])]
        #expect(Snippet.make(terms: terms, headline: "", body: "全市ＧＤＰ增长", captions: []) == "全市«ＧＤＰ»增长")
    }

    /// The fast path of `fold` passes scalars of this block through unchanged: that holds only if
    /// none of them is a cased letter and none is another's canonical equivalent (each is its own NFC).
    @Test func theCJKBlockHasNoCasedOrCanonicallyEquivalentScalars() {
        var offending: [UInt32] = []
        for value in Snippet.cjkScalars {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            if Character(scalar).isCased || text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) != [value] {
                offending.append(value)
            }
        }
        #expect(offending.isEmpty)
    }

    @Test func lineBreaksBecomeOneSpaceEach() {
        let terms = [SearchText.Term(spellings: ["工程"])]
        #expect(Snippet.make(terms: terms, headline: "", body: "甲\r\n在建工程\n乙", captions: []) == "甲 在建«工程» 乙")
    }

    @Test func snippetsFallBackToCaptionsThenHeadlineThenTheBodyStart() {
        let terms = [SearchText.Term(spellings: ["步道"])]
        #expect(Snippet.make(terms: terms, headline: "x", body: "正文", captions: ["步道上"]) == "«步道»上")
        #expect(Snippet.make(terms: terms, headline: "新步道", body: "正文", captions: []) == "新«步道»")
        #expect(Snippet.make(terms: terms, headline: "x", body: "正文", captions: []) == "正文")
        let latin = [SearchText.Term(spellings: ["gdp"])]
        #expect(Snippet.make(terms: latin, headline: "", body: "全市GDP增长", captions: []) == "全市«GDP»增长")
    }
}
