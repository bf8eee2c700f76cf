import Foundation

/// One page of layout gold (`layout.jsonl`): the articles a careful reader rebuilds from it.
public struct LayoutGoldPage: Sendable, Decodable {
    public var page: String
    public var articles: [LayoutGoldArticle]

    /// Reads a JSON Lines gold file, one page a line; blank lines are skipped.
    public static func load(path: String) throws -> [LayoutGoldPage] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let decoder = JSONDecoder()
        var pages: [LayoutGoldPage] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            do {
                pages.append(try decoder.decode(LayoutGoldPage.self, from: Data(trimmed.utf8)))
            } catch {
                throw GoldError(path: path, line: number + 1, reason: "\(error)")
            }
        }
        return pages
    }
}

/// A gold article: the fields `almanac pages` prints plus the checks the scorer runs on the body.
public struct LayoutGoldArticle: Sendable, Decodable {
    public var headline: String
    public var subheadline: String
    public var section: String
    public var kind: String
    public var bylines: [String]
    public var photographers: [String]
    public var captions: [String]
    /// Strings the body must contain once white space is removed from both.
    public var mustContain: [String]
    /// Strings the body must not contain (white space removed from both).
    public var mustNotContain: [String]
    public var paragraphsDup: Int
    public var firstWords: String
    public var lastWords: String

    private enum CodingKeys: String, CodingKey {
        case headline, subheadline, section, kind, bylines, photographers, captions
        case mustContain = "must_contain", mustNotContain = "must_not_contain", paragraphsDup = "paragraphs_dup"
        case firstWords = "first_words", lastWords = "last_words"
    }

    public init(
        headline: String, subheadline: String = "", section: String = "", kind: String = "news",
        bylines: [String] = [], photographers: [String] = [], captions: [String] = [], mustContain: [String] = [],
        mustNotContain: [String] = [], paragraphsDup: Int = 0, firstWords: String = "", lastWords: String = ""
    ) {
        self.headline = headline
        self.subheadline = subheadline
        self.section = section
        self.kind = kind
        self.bylines = bylines
        self.photographers = photographers
        self.captions = captions
        self.mustContain = mustContain
        self.mustNotContain = mustNotContain
        self.paragraphsDup = paragraphsDup
        self.firstWords = firstWords
        self.lastWords = lastWords
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        headline = try c.decode(String.self, forKey: .headline)
        subheadline = try c.decodeIfPresent(String.self, forKey: .subheadline) ?? ""
        section = try c.decodeIfPresent(String.self, forKey: .section) ?? ""
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? "news"
        bylines = try c.decodeIfPresent([String].self, forKey: .bylines) ?? []
        photographers = try c.decodeIfPresent([String].self, forKey: .photographers) ?? []
        captions = try c.decodeIfPresent([String].self, forKey: .captions) ?? []
        mustContain = try c.decodeIfPresent([String].self, forKey: .mustContain) ?? []
        mustNotContain = try c.decodeIfPresent([String].self, forKey: .mustNotContain) ?? []
        paragraphsDup = try c.decodeIfPresent(Int.self, forKey: .paragraphsDup) ?? 0
        firstWords = try c.decodeIfPresent(String.self, forKey: .firstWords) ?? ""
        lastWords = try c.decodeIfPresent(String.self, forKey: .lastWords) ?? ""
    }
}

/// A gold file line that does not decode.
public struct GoldError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path):\(line): not a gold record (\(reason))" }
}
