import AlmanacLayout
import AlmanacModel
import ArgumentParser
import Foundation

/// `almanac pages FILE…`: the articles of each page as JSON Lines.
struct Pages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the articles of page files and print them as JSON Lines.",
        discussion: """
            One JSON object per article: page, seq, headline, subheadline, section, kind, bylines,
            photographers, captions, body. A file that cannot be read is reported on stderr and the
            others are still processed; the exit code is then non-zero.
            """)

    @Argument(help: "Page text files.")
    var files: [String]

    @OptionGroup var encoding: EncodingOptions

    func run() async throws {
        let layout = PageLayout()
        var failures = 0
        let out = FileHandle.standardOutput
        for path in files {
            do {
                let page = try PageInput.read(path, encoding: encoding.encoding)
                var chunk = Data()
                for article in layout.articles(in: page.text) {
                    chunk.append(contentsOf: ArticleRecord(page: page.name, article: article).json.utf8)
                    chunk.append(0x0A)
                }
                out.write(chunk)
            } catch {
                failures += 1
                printError("almanac pages: \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

/// One line of `almanac pages` output (SPEC.md), its fields in the order SPEC.md lists them.
struct ArticleRecord {
    var page: String
    var article: Article

    /// The record as one line of JSON, without the line feed.
    var json: String {
        var out = "{"
        func field(_ key: String, _ value: String, first: Bool = false) {
            if !first { out += ", " }
            out += "\"\(key)\": " + value
        }
        field("page", Self.quoted(page), first: true)
        field("seq", String(article.seq))
        field("headline", Self.quoted(article.headline))
        field("subheadline", Self.quoted(article.subheadline))
        field("section", Self.quoted(article.section))
        field("kind", Self.quoted(article.kind.rawValue))
        field("bylines", Self.list(article.bylines))
        field("photographers", Self.list(article.photographers))
        field("captions", Self.list(article.captions))
        field("body", Self.quoted(article.body))
        return out + "}"
    }

    private static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func quoted(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
