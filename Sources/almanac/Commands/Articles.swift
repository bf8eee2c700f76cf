import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac articles`: list what the archive holds.
struct Articles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List stored articles, newest page first.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "At most this many articles.")
    var limit = 50

    @Option(help: "Skip this many articles first.")
    var offset = 0

    @Flag(help: "Print JSON Lines, one stored article per line, with its page and body.")
    var json = false

    func validate() throws {
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
    }

    func run() async throws {
        let location = try StoreLocation(database.location)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no archive at \(path); create one with `almanac ingest PATH…`")
        }
        let (stored, counts) = try await database.withStore { store in
            (try await store.fetchArticles(limit: limit, offset: offset), try await store.fetchCounts())
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for item in stored {
                print(String(decoding: try encoder.encode(item), as: UTF8.self))
            }
            return
        }
        for item in stored {
            let article = item.article
            let section = article.section.isEmpty ? "" : "[\(article.section)] "
            print("\(item.date ?? "----------")  \(item.page) #\(article.seq)  \(section)\(article.headline)  "
                + "(\(article.kind.rawValue), \(article.body.count) chars)")
        }
        print("\(counts.pages) pages, \(counts.articles) articles in \(location)")
    }
}
