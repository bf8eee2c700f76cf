import AlmanacModel
import AlmanacText
import Crypto
import Foundation

/// Turns articles into the text a full-text index holds, and queries into the terms it looks up,
/// the same way for every driver.
///
/// ## Indexing
///
/// Each field (headline, body, captions) is cut into words by `AlmanacText`, and each word is
/// followed by its sub-words (`Segmenter.searchWords(in:)`): `岚江市在建工程` is indexed as
/// `岚江市 岚江 在建工程 在建 建工 工程`. The words are joined by spaces, so SQLite's `ascii`
/// tokenizer and PostgreSQL's `simple` configuration each see one token per word. Punctuation is
/// dropped; inside a word, letters are in lower case and other marks split it
/// (`ScalarClass.searchForm(_:)`).
///
/// ## Querying
///
/// The query is cut into words the same way (without sub-words: the index already holds them, so
/// "工程" finds `在建工程` and "岚江" finds `岚江市`). Every word is a ``Term`` that must match (AND).
/// Single characters the segmenter leaves over (part of an unknown name, `蒿 坨子`) join their
/// neighbour as one term with two spellings: the joined word (`蒿坨子`, as a place name is indexed)
/// or the words next to each other (a phrase). See `Segmenter.searchTerms(in:)`.
public struct SearchText: Sendable {
    /// One query word: matches when any of its spellings does; a spelling of several tokens is a phrase.
    public struct Term: Sendable, Hashable {
        /// As the query gives them: the snippet marks these in the article's own text.
        public var spellings: [String]

        public init(spellings: [String]) {
            self.spellings = spellings
        }

        /// The spellings in the search form the index holds its words in (`Segmenter.searchForm(of:)`):
        /// what both drivers match against their index.
        public var searchSpellings: [String] { spellings.map(Segmenter.searchForm(of:)) }
    }

    let segmenter: Segmenter
    /// Identifies how this value cuts text into index words: the same fingerprint, the same words.
    ///
    /// Drawn from the lexicon's size, the model's presence, a version of the cutting rules and the
    /// words of a probe passage, so an upgrade that changes any of them changes it, and an index
    /// built by another cutting is rebuilt (an index must be queried, and rows taken out of it, with
    /// the words it was built with).
    public let fingerprint: String

    /// Bump when the cutting of index words changes in a way the probe passage may not show.
    static let rulesVersion = 2

    /// Invented text with known and unknown words, names, places, numbers and Latin.
    static let probe =
        "岚江市在建工程加快推进，蒿坨子镇新材料产业园前4个月完成投资6.43亿元，同比增长12.5%；"
        + "北湾港集装箱吞吐量41.7万标准箱，GDP and 5G 项目落户柳营乡。本报记者 周立言 摄"

    public init(segmenter: Segmenter) {
        self.segmenter = segmenter
        let lexicon = segmenter.lexicon
        let description = [
            "rules \(Self.rulesVersion)", "words \(lexicon.wordCount)", "nodes \(lexicon.nodeCount)",
            "total \(lexicon.totalFrequency)", "model \(segmenter.model != nil)",
            "user \(segmenter.userLexicon.entries.map(\.word).joined(separator: ","))",
            segmenter.searchWords(in: Self.probe).joined(separator: " "),
        ].joined(separator: "\n")
        fingerprint = SHA256.hash(data: Array(description.utf8)).lowercaseHex
    }

    /// Over the bundled lexicon, loaded once per process.
    public static func bundled() throws -> SearchText {
        try SearchText(segmenter: Segmenter.bundled())
    }

    // MARK: - Indexing

    /// The words, and sub-words, of `text` joined by spaces.
    public func indexed(_ text: String) -> String {
        segmenter.indexText(in: text)
    }

    /// The index words of an article's three indexed fields.
    public typealias Fields = (headline: String, body: String, captions: String)

    /// The three indexed fields of `article`.
    public func fields(of article: Article) -> Fields {
        (indexed(article.headline), indexed(article.body), indexed(captions: article.captions))
    }

    /// The index words of an article's captions: joined by line breaks, then cut as one text.
    public func indexed(captions: [String]) -> String {
        indexed(captions.joined(separator: "\n"))
    }

    /// The three indexed fields of `extracted`: its ``IndexWords`` when this value cut them (same
    /// fingerprint), else cut now.
    public func fields(of extracted: ExtractedArticle) -> Fields {
        guard let words = extracted.indexWords, words.fingerprint == fingerprint else {
            return fields(of: extracted.article)
        }
        return (words.headline, words.body, words.captions)
    }

    /// The index words of `article`, with its headline's and body's words as `Segmenter.wordRanges(in:)`
    /// cut them with this value's segmenter when they are at hand (they are most of the cost).
    public func indexWords(
        of article: Article, headlineWords: [Range<Int>]? = nil, bodyWords: [Range<Int>]? = nil
    ) -> IndexWords {
        func cut(_ text: String, _ words: [Range<Int>]?) -> String {
            guard let words else { return indexed(text) }
            return segmenter.indexText(in: text, words: words)
        }
        return IndexWords(
            fingerprint: fingerprint, headline: cut(article.headline, headlineWords),
            body: cut(article.body, bodyWords), captions: indexed(captions: article.captions))
    }

    // MARK: - Querying

    /// The terms of `query`, in order, without repeats (`Segmenter.searchTerms(in:)`).
    ///
    /// - Throws: ``SearchError`` when the query holds no word (empty, spaces, punctuation only).
    public func terms(of query: String) throws(SearchError) -> [Term] {
        let terms = segmenter.searchTerms(in: query).map(Term.init(spellings:))
        guard !terms.isEmpty else { throw SearchError.noWords(in: query) }
        return terms
    }

    /// An FTS5 `MATCH` expression for `terms`: every spelling in its search form, as the index holds
    /// words (``Term/searchSpellings``), and a quoted FTS5 string (so no character of the query is
    /// read as syntax); spellings of one term OR-ed, terms AND-ed.
    public static func fts5Expression(_ terms: [Term]) -> String {
        terms.map { term in
            let spellings = term.searchSpellings.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            return spellings.count == 1 ? spellings[0] : "(" + spellings.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
    }
}
