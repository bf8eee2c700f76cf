import Almanac
import AlmanacLayout
import Testing

/// The generated corpus is deterministic and reads as newspaper pages: the layout engine, which
/// never saw the generator's templates, rebuilds the articles written onto them.
struct CorpusGeneratorTests {
    @Test func theSameSeedWritesTheSameBytes() {
        let first = CorpusGenerator(seed: 42)
        let second = CorpusGenerator(seed: 42)
        for index in [0, 1, 7, 500] {
            #expect(first.page(index) == second.page(index))
        }
        #expect(CorpusGenerator(seed: 43).page(0).text != first.page(0).text)
        #expect(first.page(1).text != first.page(0).text)
    }

    @Test func pagesAreAboutTenKilobytesWithEightToTwelveArticles() {
        let generator = CorpusGenerator(seed: 3)
        let pages = (0..<40).map(generator.page)
        let bytes = pages.map(\.text.utf8.count)
        let mean = bytes.reduce(0, +) / pages.count
        #expect((8_000...13_000).contains(mean), "mean page size \(mean) bytes")
        #expect(pages.allSatisfy { (8...12).contains($0.headlines.count) })
    }

    @Test func fileNamesCarryConsecutiveDates() {
        let generator = CorpusGenerator(seed: 1)
        #expect(generator.name(of: 0) == "2018-01-01_01.txt")
        #expect(generator.name(of: 7) == "2018-01-01_08.txt")
        #expect(generator.name(of: 8) == "2018-01-02_01.txt")
        #expect(generator.name(of: 8 * 31) == "2018-02-01_01.txt")
        #expect(generator.name(of: 8 * 365) == "2019-01-01_01.txt")
        #expect(generator.name(of: 8 * (365 + 365 + 59)) == "2020-02-29_01.txt")
        #expect(PageDate.fromFileName(generator.name(of: 1234)) != nil)
    }

    @Test func theLayoutRebuildsTheGeneratedArticles() {
        let generator = CorpusGenerator(seed: 9)
        let layout = PageLayout()
        var written = 0
        var rebuilt = 0
        var headlinesFound = 0
        for index in 0..<30 {
            let page = generator.page(index)
            let articles = layout.articles(in: page.text)
            written += page.headlines.count
            rebuilt += articles.count
            #expect(abs(articles.count - page.headlines.count) <= 2, "\(page.name): \(articles.map(\.headline))")
            let headlines = Set(articles.map(\.headline))
            headlinesFound += page.headlines.filter(headlines.contains).count
        }
        #expect(Double(abs(rebuilt - written)) <= 0.05 * Double(written), "\(rebuilt) articles rebuilt of \(written)")
        #expect(Double(headlinesFound) >= 0.9 * Double(written), "\(headlinesFound) headlines of \(written) found")
    }

    @Test func captionsAndCreditsDroppedIntoSentencesAreSetApart() {
        let generator = CorpusGenerator(seed: 5)
        let layout = PageLayout()
        var captions = 0
        for index in 0..<30 {
            for article in layout.articles(in: generator.page(index).text) {
                captions += article.captions.count
                #expect(!article.body.contains(" 摄"), "a photo credit left in the body of \(article.headline)")
                #expect(!article.body.contains("本报讯"), "a dateline left in the body of \(article.headline)")
            }
        }
        #expect(captions > 0)
    }
}
