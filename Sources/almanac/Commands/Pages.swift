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
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let layout = PageLayout()
        var failures = 0
        let out = FileHandle.standardOutput
        for path in files {
            do {
                let page = try PageInput.read(path, encoding: encoding.encoding)
                var chunk = Data()
                for article in layout.articles(in: page.text) {
                    chunk.append(try encoder.encode(ArticleRecord(page: page.name, article: article)))
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

/// One line of `almanac pages` output (SPEC.md).
struct ArticleRecord: Encodable {
    var page: String
    var article: Article

    private enum CodingKeys: String, CodingKey {
        case page, seq, headline, subheadline, section, kind, bylines, photographers, captions, body
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encode(article.seq, forKey: .seq)
        try c.encode(article.headline, forKey: .headline)
        try c.encode(article.subheadline, forKey: .subheadline)
        try c.encode(article.section, forKey: .section)
        try c.encode(article.kind, forKey: .kind)
        try c.encode(article.bylines, forKey: .bylines)
        try c.encode(article.photographers, forKey: .photographers)
        try c.encode(article.captions, forKey: .captions)
        try c.encode(article.body, forKey: .body)
    }
}
