import AlmanacModel

/// Settles a draft's kind and turns it into an `Article`.
enum ArticleFinisher {
    /// A picture story's text is short: a few paragraphs at most.
    static let pictureStoryLength = 600

    static func finish(_ d: ArticleDraft, seq: Int) -> Article {
        let bodyLength = d.paragraphs.reduce(0) { $0 + $1.count }
        let pictureStory =
            !d.hasDateline && d.innerHeadings == 0 && (d.creditClosesBody || d.bodyFromCaptions)
            && bodyLength <= pictureStoryLength && d.paragraphs.count <= 4
        let kind: Article.Kind
        if pictureStory {
            kind = .photo
        } else if d.innerHeadings > 0 || (d.subheadline.first.map(Scalars.isDash) ?? false) {
            kind = .feature
        } else {
            kind = .news
        }
        var bylines = d.bylines
        var photographers = d.photographers
        if !d.writtenBy.isEmpty {
            // 撰 under a picture or caption credits the picture; elsewhere the writing.
            if kind == .photo || !d.captions.isEmpty {
                Names.add(d.writtenBy, to: &photographers)
            } else {
                Names.add(d.writtenBy, to: &bylines)
            }
        }
        var captions: [String] = []
        for caption in d.captions {
            let text = caption.trimmed().string
            if !text.isEmpty, !captions.contains(text) { captions.append(text) }
        }
        return Article(
            seq: seq, headline: d.headline.trimmed().string, subheadline: d.subheadline.trimmed().string,
            kind: kind, bylines: bylines, photographers: photographers, captions: captions,
            body: joinedBody(d.paragraphs))
    }

    /// The paragraphs joined by line feeds, made into one string at once.
    private static func joinedBody(_ paragraphs: [[Unicode.Scalar]]) -> String {
        Scalars.string(joining: paragraphs, separator: "\n")
    }
}
