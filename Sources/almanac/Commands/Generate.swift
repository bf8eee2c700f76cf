import Almanac
import ArgumentParser
import Foundation

/// `almanac generate`: deterministic invented pages for benchmarks and load tests.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write invented newspaper pages (about 10 KB each) for benchmarks and load tests.",
        discussion: """
            The pages are those of an invented regional daily about 岚江市, with the damage text \
            extraction does to printed pages (captions dropped into sentences, repeated paragraphs, \
            doubled tokens, section labels with pinyin). The same --seed always writes the same bytes; \
            file names carry the page date (2018-01-01_01.txt, 8 pages a day).
            """)

    @Option(help: "How many pages to write.")
    var pages: Int

    @Option(help: "The folder to write them to (created if missing).")
    var out: String

    @Option(help: "Seed of the generator: the same seed writes the same pages.")
    var seed: UInt64 = 1

    func validate() throws {
        guard pages > 0 else { throw ValidationError("--pages must be at least 1") }
    }

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let generator = CorpusGenerator(seed: seed)
        var bytes = 0
        var articles = 0
        for index in 0..<pages {
            let page = generator.page(index)
            let data = Data(page.text.utf8)
            let path = (out as NSString).appendingPathComponent(page.name)
            guard FileManager.default.createFile(atPath: path, contents: data) else {
                throw ValidationError("cannot write \(path): is the folder writable?")
            }
            bytes += data.count
            articles += page.headlines.count
        }
        print("wrote \(pages) pages (\(articles) articles, \(bytes) bytes) to \(out)")
    }
}
