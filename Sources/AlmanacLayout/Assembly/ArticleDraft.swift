/// An article as read from its lines, before page-wide repeats are removed and its kind decided.
struct ArticleDraft: Sendable {
    var headline: [Unicode.Scalar] = []
    var subheadline: [Unicode.Scalar] = []
    var label: String?
    var resetsSection = false
    var paragraphs: [[Unicode.Scalar]] = []
    var captions: [[Unicode.Scalar]] = []
    var bylines: [String] = []
    var photographers: [String] = []
    /// Names from a `… 撰` credit, placed once the article's kind is known.
    var writtenBy: [String] = []
    var hasDateline = false
    /// Whether a picture credit follows the last prose, as it does under a picture story.
    var creditClosesBody = false
    /// Whether the body was made of caption-shaped text alone (a picture story).
    var bodyFromCaptions = false
    var innerHeadings = 0
}
