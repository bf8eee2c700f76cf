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
        var counts = [Int](repeating: 0, count: 8)
        for l in lines where l.line.level == 0 { counts[min(l.line.gapBefore, 7)] += 1 }
        let mode = counts.indices.max { counts[$0] < counts[$1] } ?? 1
        gapThreshold = mode + 1
    }

    func articles() -> [OutlineArticle] {
        let headings = lines.reduce(0) { $0 + ($1.line.level > 0 ? 1 : 0) }
        let marks = headings >= 1 ? markdownMarks() : bareMarks()
        return assemble(marks)
    }

    // MARK: - Marked-up pages

    private func markdownMarks() -> [Mark] {
        var marks = [Mark](repeating: .body, count: lines.count)
        var headlineLevel: Int?
        var afterLabel = false
        var inHeadingRun = false
        for i in lines.indices {
            let current = lines[i]
            if case .label(let name) = current.role {
                marks[i] = .label(name)
                afterLabel = true
                inHeadingRun = false
                continue
            }
            let level = current.line.level
            guard level > 0 else {
                inHeadingRun = false
                // An unmarked short title right above a marked headline is the column's label.
                if isUnmarkedLabel(i) {
                    marks[i] = .label(current.line.text.trimmed().string)
                    afterLabel = true
                }
                continue
            }
            let next = i + 1 < lines.count ? lines[i + 1] : nil
            if let next, next.line.level > 0, !next.isLabel, next.line.level < level {
                marks[i] = .label(current.line.text.trimmed().string)
                afterLabel = true
                inHeadingRun = false
                continue
            }
            if inHeadingRun, let h = headlineLevel,
                level > h || current.line.startsWithDash || (current.line.isDeckLike && level == h)
            {
                marks[i] = .sub
                continue
            }
            if let h = headlineLevel, level > h, !afterLabel, !(next?.opensWithDateline ?? false) {
                marks[i] = .inner
                inHeadingRun = false
                continue
            }
            marks[i] = .headline
            headlineLevel = level
            afterLabel = false
            inHeadingRun = true
        }
        return marks
    }

    private func isUnmarkedLabel(_ i: Int) -> Bool {
        let l = lines[i]
        guard l.isText, l.tail == nil, l.line.isTitleLike, l.line.length <= 12, l.line.commas == 0,
            i + 1 < lines.count, lines[i + 1].line.level > 0, !lines[i + 1].isLabel
        else { return false }
        guard i > 0 else { return true }
        let p = lines[i - 1]
        return !p.isText || p.line.level > 0 || p.proseEndsSentence
    }

    // MARK: - Bare pages

    private enum Before { case start, boundary, complete, incomplete, opening }
    private enum After { case dateline, byline, prose(Int), other }

    private func bareMarks() -> [Mark] {
        var marks = [Mark](repeating: .body, count: lines.count)
        for i in lines.indices { if case .label(let name) = lines[i].role { marks[i] = .label(name) } }
        let datelines = lines.reduce(0) { $0 + ($1.opensWithDateline ? 1 : 0) }
        let datelineRich = datelines >= 2
        var i = 0
        while i < lines.count {
            guard isCandidate(i) || isLooseTitleBeforeDateline(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < lines.count, isCandidate(j + 1) || isLooseTitleBeforeDateline(j + 1) { j += 1 }
            if accepts(i...j, datelineRich: datelineRich, marks: marks) { assign(i...j, to: &marks) }
            i = j + 1
        }
        return marks
    }

    private func isCandidate(_ i: Int) -> Bool {
        let l = lines[i]
        return l.isText && l.line.level == 0 && l.tail == nil && !l.opensWithDateline
            && (l.line.isTitleLike || l.line.isDeckLike)
    }

    /// A short line that ends in ！ or ？ (a headline may) right before a dateline.
    private func isLooseTitleBeforeDateline(_ i: Int) -> Bool {
        let l = lines[i]
        guard l.isText, l.line.level == 0, l.tail == nil, !l.opensWithDateline, i + 1 < lines.count,
            lines[i + 1].opensWithDateline, l.line.length <= 32, l.line.innerSentenceEnds == 0,
            let last = l.line.lastMark
        else { return false }
        return last == "！" || last == "？" || last == "!" || last == "?"
    }

    private func accepts(_ run: ClosedRange<Int>, datelineRich: Bool, marks: [Mark]) -> Bool {
        let first = lines[run.lowerBound].line
        switch after(run.upperBound) {
        case .dateline, .byline:
            return true
        case .other:
            return false
        case .prose(let k):
            switch before(run.lowerBound, marks: marks) {
            case .start, .boundary:
                return true
            case .incomplete:
                // The article before was cut off by the page; a continuation would not be this short.
                return first.isTitleLike && (lines[k].line.length >= 30 || lines[k].line.endsSentence)
            case .opening:
                // An article has text before another begins.
                return false
            case .complete:
                // With no datelines to go by, a short line after a finished paragraph starts an article,
                // unless the article it would end is a feature, whose subheads look the same.
                return !datelineRich && first.isTitleLike && !Self.endsInFunctionWord(first)
                    && !inFeature(before: run.lowerBound, marks: marks)
            }
        }
    }

    /// What precedes line `i`: floating captions in a picture's slot are passed over when a label,
    /// credit or headline stands before them.
    private func before(_ i: Int, marks: [Mark]) -> Before {
        var k = i - 1
        var passedCaption = false
        while k >= 0 {
            switch marks[k] {
            case .body: break
            // Under a headline, caption-shaped text is the article's own first paragraph.
            case .headline, .sub, .inner: return passedCaption ? .complete : .boundary
            case .label: return .boundary
            }
            let p = lines[k]
            switch p.role {
            case .label:
                return .boundary
            case .credit:
                // A byline printed under a headline opens that article; what follows it is its text.
                if !passedCaption, k > 0, isHeadline(marks[k - 1]) { return .opening }
                return .boundary
            case .text:
                if p.line.level > 0 || p.tail != nil { return .boundary }
                // A caption in a picture's slot, or right under a column label, floats between articles.
                let underLabel = k > 0 && lines[k - 1].isLabel
                if p.line.isCaptionShaped, p.line.endsSentence, p.line.gapBefore >= gapThreshold || underLabel {
                    passedCaption = true
                    k -= 1
                    continue
                }
                if passedCaption { return .complete }
                return p.line.endsSentence ? .complete : .incomplete
            }
        }
        return passedCaption ? .complete : .start
    }

    private func after(_ j: Int) -> After {
        let k = j + 1
        guard k < lines.count else { return .other }
        let n = lines[k]
        switch n.role {
        case .label:
            return .other
        case .credit(let credit):
            // A byline, or a credit naming the writer too (… 文并摄), opens an article.
            return credit.bylines.isEmpty ? .other : .byline
        case .text:
            if n.opensWithDateline { return .dateline }
            return n.line.level > 0 ? .other : .prose(k)
        }
    }

    /// Within an accepted run: trailing figure or dash lines are subheadlines; of two title lines
    /// before them the first is the column's kicker label, the second the headline.
    private func assign(_ run: ClosedRange<Int>, to marks: inout [Mark]) {
        var titles = Array(run)
        var subs: [Int] = []
        while titles.count > 1, let last = titles.last {
            let l = lines[last].line
            guard l.isFigureLike || l.startsWithDash || !l.isTitleLike else { break }
            subs.insert(last, at: 0)
            titles.removeLast()
        }
        if titles.count >= 2 {
            marks[titles[0]] = .label(lines[titles[0]].line.text.trimmed().string)
            marks[titles[1]] = .headline
            for extra in titles.dropFirst(2) { marks[extra] = .sub }
        } else if let only = titles.first {
            marks[only] = .headline
        }
        for s in subs { marks[s] = .sub }
    }

    /// Whether the article that line `i` would end reads as a feature: a dash subtitle (——…纪实) or a
    /// byline line printed under its headline.
    private func inFeature(before i: Int, marks: [Mark]) -> Bool {
        var k = i - 1
        while k >= 0 {
            if case .headline = marks[k] {
                var j = k + 1
                while j < i, case .sub = marks[j] {
                    if lines[j].line.startsWithDash { return true }
                    j += 1
                }
                if j < i, let credit = lines[j].credit, !credit.bylines.isEmpty { return true }
                return false
            }
            if case .label = marks[k] { return false }
            k -= 1
        }
        return false
    }

    /// A text line that is more than a caption.
    private func isProse(_ index: Int) -> Bool {
        let l = lines[index]
        return l.isText && l.line.level == 0 && (!l.line.isCaptionShaped || l.line.innerSentenceEnds > 0)
    }

    private func isHeadline(_ mark: Mark) -> Bool {
        switch mark {
        case .headline, .sub: return true
        default: return false
        }
    }

    /// Characters a Chinese headline never ends on: particles, prepositions, conjunctions.
    private static let functionEndings: Set<Unicode.Scalar> = Set("的了和与及在对把将为从向以被是而并或但也都就又还要让使其之着过".unicodeScalars)

    private static func endsInFunctionWord(_ line: Line) -> Bool {
        guard let last = line.lastMark else { return false }
        return functionEndings.contains(last)
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
