import AlmanacText

/// An article's place on the page: its headline lines and the lines that belong to it.
struct OutlineArticle: Sendable {
    var headline: [Unicode.Scalar]
    var subheadlines: [[Unicode.Scalar]] = []
    /// The column label printed since the previous article, if any.
    var label: String?
    /// Whether the headline ranks above the column's own headlines, so the column has ended.
    var resetsSection = false
    /// Indexes of the lines that belong to the article, in page order: first those printed before
    /// its headline (floating captions after a column label), then its own.
    var items: [Int] = []
    var preambleCount = 0
    /// Indexes of inner subheads (features).
    var innerHeadings: Set<Int> = []
}

/// Finds the headlines, subheadlines, column labels and inner subheads of a page.
///
/// Pages marked up with `#` headings are read by heading level: a heading right after a headline and
/// deeper is its subheadline, a heading followed by a higher-ranking one is a column label, a deeper
/// heading inside an article is an inner subhead. Bare pages are read by the shape of lines: a short
/// line that does not end a sentence is a headline when what surrounds it says an article starts
/// there (a dateline or byline follows; a label, credit or byline precedes; or the article before was
/// cut off by the page), and otherwise the first piece of a paragraph cut by a column break.
struct PageOutline: Sendable {
    enum Mark: Sendable {
        case body, label(String), headline, sub, inner
    }

    let lines: [PageLine]
    /// Blank lines that mark the slot of a picture: more than between ordinary paragraphs.
    let gapThreshold: Int

    init(lines: [PageLine]) {
        self.lines = lines
        var counts = [Int](filling: 0, count: 8)
        for l in lines where l.line.level == 0 { counts[min(l.line.gapBefore, 7)] += 1 }
        let mode = counts.indices.max { counts[$0] < counts[$1] } ?? 1
        gapThreshold = mode + 1
    }

    func articles() -> [OutlineArticle] {
        let headings = lines.reduce(0) { $0 + ($1.line.level > 0 ? 1 : 0) }
        let marks = headings >= 1 ? markdownMarks() : bareMarks()
        return assemble(marks)
    }

    // MARK: - Articles

    private func assemble(_ marks: [Mark]) -> [OutlineArticle] {
        var articles: [OutlineArticle] = []
        var current: OutlineArticle?
        var preamble: [Int] = []
        var pendingLabel: String?
        var sectionLevel: Int?
        for i in lines.indices {
            switch marks[i] {
            case .label(let name):
                if let c = current { articles.append(c) }
                current = nil
                pendingLabel = name
                sectionLevel = nil
            case .headline:
                if let c = current { articles.append(c) }
                // Prose before the page's first headline is the end of an article begun on another page.
                if current == nil, articles.isEmpty, preamble.contains(where: isProse) {
                    articles.append(OutlineArticle(headline: [], items: preamble))
                    preamble = []
                }
                var article = OutlineArticle(headline: lines[i].line.text, label: pendingLabel)
                let level = lines[i].line.level
                if pendingLabel == nil, let s = sectionLevel, level < s { article.resetsSection = true }
                if sectionLevel == nil || article.resetsSection { sectionLevel = level }
                article.items = preamble
                article.preambleCount = preamble.count
                preamble = []
                pendingLabel = nil
                current = article
            case .sub:
                if current != nil { current?.subheadlines.append(lines[i].line.text) } else { preamble.append(i) }
            case .inner:
                if current != nil {
                    current?.items.append(i)
                    current?.innerHeadings.insert(i)
                } else {
                    preamble.append(i)
                }
            case .body:
                if current != nil { current?.items.append(i) } else { preamble.append(i) }
            }
        }
        if var c = current {
            c.items += preamble
            articles.append(c)
        } else if !preamble.isEmpty {
            if articles.isEmpty {
                articles.append(OutlineArticle(headline: [], items: preamble))
            } else {
                articles[articles.count - 1].items += preamble
            }
        }
        return articles
    }
}
