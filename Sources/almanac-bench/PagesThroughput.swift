import AlmanacExtract
import AlmanacLayout
import AlmanacModel
import AlmanacText
import ArgumentParser
import Foundation

/// Runs the per-page extraction of ingest — layout, the page's place stems, each article's facts and
/// the mentions of its headline, subheadline, captions and body, as `PageExtraction.extract` does —
/// over every page in FILES, round after round, and prints pages/s with a checksum of the results.
///
/// The checksum (taken on the first pass) folds every article, fact and mention (their printed values) into one number, so two
/// builds that print the same checksum extracted the same things.
struct PagesThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages", abstract: "Per-page extraction (layout, facts, mentions) throughput in pages/s.")

    @OptionGroup var rounds: RoundOptions

    @Argument(help: "Page files to extract each round.")
    var files: [String]

    func run() throws {
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let layout = PageLayout()
        let facts = try FactExtractor.bundled()
        let recognizer = try EntityRecognizer.bundled()
        /// What one page gives: its articles, each with its facts and the mentions of its fields. The
        /// facts keep the labels `facts(in:pageStems:)` gives them: an unlabelled tuple type made Swift
        /// convert the list element by element (a cast and a copy of every fact) on every page.
        func extract(_ text: String) -> [(Article, [(part: ArticlePart, fact: Fact, sentence: Range<Int>)], [Mention])]
        {
            let scalars = text.scalarValues
            let stems = facts.placeStems(inScalars: scalars)
            return layout.articles(inScalars: scalars).map { article in
                // Each part decoded once, for its facts and its mentions.
                let partScalars = article.parts.map(\.text.scalarValues)
                let found = facts.facts(in: article, partScalars: partScalars, pageStems: stems)
                var mentions: [Mention] = []
                for part in partScalars where !part.isEmpty {
                    mentions += recognizer.mentions(inScalars: part)
                }
                return (article, found, mentions)
            }
        }
        // The checksum is taken once, outside the timed rounds (printing every value costs more than
        // extracting it); the rounds check that they find as many results.
        var expected = Checksum()
        var results = 0
        for text in texts {
            for (article, found, mentions) in extract(text) {
                expected.add("\(article)")
                for (part, fact, _) in found { expected.add("\(part) \(fact)") }
                for mention in mentions { expected.add("\(mention)") }
                results += 1 + found.count + mentions.count
            }
        }
        let report = Throughput.measure(bytesPerRound: bytes, pagesPerRound: files.count, options: rounds) {
            var count = 0
            for text in texts {
                for (_, found, mentions) in extract(text) { count += 1 + found.count + mentions.count }
            }
            precondition(count == results, "extraction is not deterministic")
        }
        print("pages: \(files.count) pages, \(bytes) bytes, \(expected.items) results, checksum \(expected.hex)")
        print(report)
    }
}

/// An order-sensitive FNV-1a hash over strings, with a count of what went in.
struct Checksum: Equatable {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private(set) var items = 0

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        value ^= 0xff
        value &*= 0x100_0000_01b3
        items += 1
    }

    var hex: String { String(value, radix: 16) }
}
