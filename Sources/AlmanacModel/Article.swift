/// One article as a reader sees it on a printed page, rebuilt from the page's raw text.
///
/// `body` holds the repaired paragraphs joined by `"\n"`: captions, credits, bylines and
/// section labels are kept apart in their own fields, and a paragraph printed twice is kept once.
public struct Article: Sendable, Hashable, Codable {
    /// What kind of piece this is.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An ordinary news report.
        case news
        /// A picture story: the text is essentially its caption.
        case photo
        /// A long report with inner subheads.
        case feature
    }

    /// Position of the article on its page, starting at 1.
    public var seq: Int
    public var headline: String
    /// A kicker, deck or figure line printed with the headline; "" when there is none.
    public var subheadline: String
    /// The Chinese part of the column label the article sits under; "" when there is none.
    public var section: String
    public var kind: Kind
    /// Reporters and correspondents, each name once, inner padding removed.
    public var bylines: [String]
    /// Those credited for the pictures (`… 摄`), people or institutions.
    public var photographers: [String]
    /// Photo captions that belong to the article, without their credits.
    public var captions: [String]
    public var body: String

    public init(
        seq: Int, headline: String, subheadline: String = "", section: String = "", kind: Kind = .news,
        bylines: [String] = [], photographers: [String] = [], captions: [String] = [], body: String = ""
    ) {
        self.seq = seq
        self.headline = headline
        self.subheadline = subheadline
        self.section = section
        self.kind = kind
        self.bylines = bylines
        self.photographers = photographers
        self.captions = captions
        self.body = body
    }

    /// The body's paragraphs, in order.
    public var paragraphs: [Substring] {
        body.split(separator: "\n", omittingEmptySubsequences: true)
    }
}
