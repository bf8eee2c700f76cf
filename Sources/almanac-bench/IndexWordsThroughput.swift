import AlmanacLayout
import AlmanacText
import ArgumentParser
import Foundation

/// Times the search-index words ingest makes for every article of FILES — its headline's and body's
/// (`Segmenter.indexText(in:words:)`, from the words the entity recogniser cut them into, cut here
/// beforehand) and its captions' (`indexText(in:)`, cut in the round) — and prints MB/s of article
/// text with a checksum of the words.
struct IndexWordsThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index-words", abstract: "Search-index words throughput in MB/s of article text.")

    @OptionGroup var rounds: RoundOptions

    @Argument(help: "Page files whose articles' index words are made each round.")
    var files: [String]

    func run() throws {
        let segmenter = try Segmenter.bundled()
        let layout = PageLayout()
        /// An article's fields with the words of its headline and body, as ingest has them.
        typealias Fields = (
            headline: String, headlineWords: [Range<Int>], body: String, bodyWords: [Range<Int>], captions: String
        )
        var articles: [Fields] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for article in layout.articles(in: text) {
                articles.append(
                    (
                        article.headline, segmenter.wordRanges(in: article.headline.scalarValues), article.body,
                        segmenter.wordRanges(in: article.body.scalarValues), article.captions.joined(separator: "\n")
                    ))
            }
        }
        let bytes = articles.reduce(0) { $0 + $1.headline.utf8.count + $1.body.utf8.count + $1.captions.utf8.count }
        func indexWords(_ article: Fields) -> [String] {
            [
                segmenter.indexText(in: article.headline, words: article.headlineWords),
                segmenter.indexText(in: article.body, words: article.bodyWords),
                segmenter.indexText(in: article.captions),
            ]
        }
        // The checksum is taken once, outside the timed rounds; the rounds check the words' length.
        var expected = Checksum()
        var length = 0
        for article in articles {
            for words in indexWords(article) {
                expected.add(words)
                length += words.utf8.count
            }
        }
        let report = Throughput.measure(bytesPerRound: bytes, pagesPerRound: files.count, options: rounds) {
            var made = 0
            for article in articles {
                for words in indexWords(article) { made += words.utf8.count }
            }
            precondition(made == length, "index words are not deterministic")
        }
        print("index-words: \(articles.count) articles, \(bytes) bytes, checksum \(expected.hex)")
        print(report)
    }
}
