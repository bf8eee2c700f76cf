import Almanac
import AlmanacModel
@testable import AlmanacStore
import Testing

/// The sentence ranges extraction hands a store (``ExtractedArticle/factSentences``) give the columns
/// the store would work out by finding each sentence in its field; a range that does not fit is not
/// taken.
struct FactSentencesTests {
    /// Every column, as one comparable value.
    private func summary(_ columns: [FactColumns]) -> [String] {
        columns.map {
            "\($0.text)|\($0.sentence)|\(String(describing: $0.sentenceStart))|\(String(describing: $0.sentenceEnd))|\($0.indicator)|\($0.indicatorKey)"
        }
    }

    @Test func givenRangesGiveTheColumnsOfFoundOnes() throws {
        var facts = 0
        var stored = 0
        for article in try generatedArticles(seed: 11, pageBytes: 8_000, pages: 10) {
            let ranges = try #require(article.factSentences)
            #expect(ranges.count == article.facts.count)
            let given = FactColumns.of(article.facts, in: article.article, sentences: ranges)
            let found = FactColumns.of(article.facts, in: article.article)
            #expect(summary(given) == summary(found))
            facts += given.count
            stored += given.filter { $0.sentenceStart != nil && $0.text.isEmpty }.count
        }
        // The pages hold figures, and most are stored as offsets.
        #expect(facts > 100)
        #expect(stored * 2 > facts)
    }

    @Test func aRangeThatDoesNotFitIsFoundInstead() {
        let body = "岚江市工业增加值增长8%。全市新增企业120家。"
        let article = Article(seq: 1, headline: "", body: body)
        let quantity = Quantity(start: 19, end: 23, text: "120家", value: 120, unit: "家")
        let fact = Fact(quantity: quantity, indicator: "新增企业", sentence: "全市新增企业120家。")
        let facts: [(field: ArticleField, fact: Fact)] = [(.body, fact)]
        let found = FactColumns.of(facts, in: article)
        #expect(found[0].sentenceStart == 13 && found[0].sentenceEnd == 24 && found[0].text.isEmpty)
        // One too long, one that misses the figure, and a list for another number of facts.
        for wrong in [[12..<24], [0..<11], [13..<24, 0..<11]] {
            #expect(summary(FactColumns.of(facts, in: article, sentences: wrong)) == summary(found))
        }
        // A range that fits is taken as given: the field is not read.
        let elsewhere = FactColumns.of(facts, in: Article(seq: 1, headline: "", body: ""), sentences: [13..<24])
        #expect(elsewhere[0].sentenceStart == 13 && elsewhere[0].text.isEmpty)
        #expect(FactColumns.of(facts, in: Article(seq: 1, headline: "", body: ""))[0].sentenceStart == nil)
    }
}
