import Almanac
import AlmanacModel
import AlmanacStore
import Testing

/// The search-index words ingest cuts on its workers, from the words the entity recogniser cut, are
/// the words a store would cut itself: the index holds, and deletes take out, the same words.
struct IndexWordsTests {
    @Test func wordsCutDuringExtractionAreTheStoresOwn() throws {
        let searchText = try SearchText.bundled()
        let articles = try generatedArticles(seed: 7, pageBytes: 6_000, pages: 12)
        for article in articles {
            let words = try #require(article.indexWords)
            #expect(words.fingerprint == searchText.fingerprint)
            let own = searchText.fields(of: article.article)
            #expect(words.headline == own.headline)
            #expect(words.body == own.body)
            #expect(words.captions == own.captions)
        }
        #expect(articles.count > 50)
    }

    @Test func wordsOfAnotherCuttingAreCutAgain() throws {
        let searchText = try SearchText.bundled()
        let article = Article(seq: 1, headline: "岚江港扩建", body: "岚江市在建工程加快推进。")
        var extracted = ExtractedArticle(article: article)
        extracted.indexWords = IndexWords(fingerprint: "another", headline: "x", body: "y", captions: "")
        let fields = searchText.fields(of: extracted)
        #expect(fields.body == searchText.indexed(article.body) && fields.headline != "x")
        extracted.indexWords?.fingerprint = searchText.fingerprint
        #expect(searchText.fields(of: extracted).body == "y")
    }
}
