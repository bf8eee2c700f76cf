import Almanac
import AlmanacModel

/// The articles of the first `pages` pages a ``CorpusGenerator`` writes, with what the bundled
/// extraction reads from them, as ingest hands them to a store.
func generatedArticles(seed: UInt64, pageBytes: Int, pages: Int) throws -> [ExtractedArticle] {
    let extraction = try PageExtraction.bundled()
    let generator = CorpusGenerator(seed: seed, pageBytes: pageBytes)
    return (0..<pages).flatMap { index in
        let generated = generator.page(index)
        return extraction.extract(Page(source: generated.name, sha256: "", text: generated.text)).articles
    }
}
