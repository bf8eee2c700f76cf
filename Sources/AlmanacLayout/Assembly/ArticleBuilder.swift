/// Reads one article's lines into a draft: strips the dateline, joins the pieces of paragraphs cut
/// by column breaks or by captions dropped into them, and sets captions, credits and bylines apart.
///
/// A paragraph that does not end a sentence continues in the next prose line, after any interposed
/// caption and credit lines; a caption is a short single sentence that carries a picture credit, or
/// sits in a picture's slot (a wider gap of blank lines).
struct ArticleBuilder: Sendable {
    let lines: [PageLine]
    let gapThreshold: Int

    func draft(_ outline: OutlineArticle) -> ArticleDraft {
        var d = ArticleDraft()
        let split = HeadlineSplitter.split(outline.headline.trimmed())
        d.headline = split.headline
        var subs = split.subheadline.isEmpty ? [] : [split.subheadline]
        subs += outline.subheadlines.map { $0.trimmed() }
        d.subheadline = subs.reduce(into: []) { out, s in
            if !out.isEmpty { out.append(" ") }
            out += s
        }
        d.label = outline.label
        d.resetsSection = outline.resetsSection

        let items = outline.items
        var pending = false
        var lastWasCaption = false
        for (p, index) in items.enumerated() {
            let pl = lines[index]
            if outline.innerHeadings.contains(index) {
                // A label before any prose (编者按) is no part of the body.
                if !d.paragraphs.isEmpty {
                    d.paragraphs.append(pl.line.text)
                    d.innerHeadings += 1
                }
                pending = false
                lastWasCaption = false
                continue
            }
            switch pl.role {
            case .label:
                continue
            case .credit(let credit):
                apply(credit, to: &d)
                if credit.isPicture {
                    if !d.paragraphs.isEmpty && !lastWasCaption { d.creditClosesBody = true }
                } else {
                    pending = false
                }
                lastWasCaption = false
            case .text:
                var prose = pl.prose
                // The headline printed again as text.
                if d.paragraphs.isEmpty, !d.headline.isEmpty, pl.line.length == d.headline.visibleCount,
                    prose.withoutSpaces() == d.headline.withoutSpaces()
                {
                    continue
                }
                if d.paragraphs.isEmpty, !d.hasDateline, pl.opensWithDateline,
                    let dateline = CreditParser.dateline(prose)
                {
                    Names.add(dateline.names, to: &d.bylines)
                    d.hasDateline = true
                    prose = Array(prose[dateline.proseStart...])
                }
                // A short label before any prose (编者按, 内容提要) is no part of the body.
                if d.paragraphs.isEmpty, d.captions.isEmpty || p >= outline.preambleCount, pl.line.isTitleLike,
                    pl.line.length <= 6, !pl.opensWithDateline, p + 1 < items.count, lines[items[p + 1]].isText
                {
                    continue
                }
                let closed = d.creditClosesBody && !pending
                if isCaption(at: p, in: outline, pending: pending, hasProse: !d.paragraphs.isEmpty, closed: closed),
                    !Self.isPrinted(prose, in: d.paragraphs)
                {
                    d.captions.append(prose)
                    if let tail = pl.tail { apply(tail.credit, to: &d) }
                    lastWasCaption = true
                    continue
                }
                lastWasCaption = false
                // A jump line (（下转第二版）) ends what this page holds of the paragraph.
                let unjumped = TextRepair.removingJumps(prose)
                let jumped = unjumped.count != prose.count
                prose = unjumped
                guard !prose.isEmpty else { continue }
                // Names alone after a finished paragraph sign the report when nothing new follows them.
                if !pending, !d.paragraphs.isEmpty, pl.tail == nil, let names = Names.signature(prose),
                    !hasNewProse(after: p, in: outline, printed: d.paragraphs)
                {
                    Names.add(names, to: &d.bylines)
                    continue
                }
                if !pending, !d.paragraphs.isEmpty, pl.tail == nil, Self.isTwoPartSubhead(pl.line) {
                    d.paragraphs.append(prose)
                    d.innerHeadings += 1
                    continue
                }
                if pending, !d.paragraphs.isEmpty {
                    d.paragraphs[d.paragraphs.count - 1] += prose
                } else {
                    d.paragraphs.append(prose)
                }
                d.creditClosesBody = false
                pending = !prose.endsSentence && !jumped
                if let tail = pl.tail {
                    apply(tail.credit, to: &d)
                    if tail.credit.isPicture { d.creditClosesBody = true }
                    pending = false
                }
            }
        }
        if d.paragraphs.isEmpty, !d.captions.isEmpty {
            d.paragraphs = d.captions
            d.captions = []
            d.bodyFromCaptions = true
        }
        d.paragraphs = d.paragraphs.compactMap { paragraph in
            let repaired = TextRepair.removingJumps(TextRepair.replacingStrayLatin(paragraph).trimmed())
            return repaired.isEmpty ? nil : repaired
        }
        return d
    }

    private func apply(_ credit: Credit, to d: inout ArticleDraft) {
        Names.add(credit.bylines, to: &d.bylines)
        if credit.ambiguous {
            Names.add(credit.photographers, to: &d.writtenBy)
        } else {
            Names.add(credit.photographers, to: &d.photographers)
        }
    }

    /// Whether the text line at position `p` of the article is a photo caption.
    private func isCaption(at p: Int, in outline: OutlineArticle, pending: Bool, hasProse: Bool, closed: Bool)
        -> Bool
    {
        let items = outline.items
        let pl = lines[items[p]]
        guard !pl.opensWithDateline, pl.line.level == 0 else { return false }
        let head = pl.prose
        // Without a glued credit the prose is the whole line, whose visible length is known.
        let length = pl.tail == nil ? pl.line.length : head.visibleCount
        guard length >= 4, length <= 80, !Self.hasInnerSentenceEnd(head) else { return false }
        var credited = pl.tail?.credit.isPicture == true
        if !credited, p + 1 < items.count, let next = lines[items[p + 1]].credit, next.isPicture {
            credited = true
        }
        if credited {
            // While a paragraph waits for its continuation, a credited sentence with prose after it is
            // a caption dropped into it; with nothing after, it is the continuation itself.
            if pending { return hasFollowingProse(after: p, in: outline) }
            // Under the headline, a credited sentence is a picture story's own text unless a report follows.
            if !hasProse, p >= outline.preambleCount { return hasFollowingReport(after: p, in: outline) }
            return true
        }
        if Self.opensLikeCaption(head) {
            return pending
                ? hasFollowingProse(after: p, in: outline) : hasProse || hasFollowingProse(after: p, in: outline)
        }
        // Before the headline (under a column label), or after the credit that closes a picture story,
        // a short sentence is a floating caption.
        if (p < outline.preambleCount || closed) && head.endsSentence { return true }
        guard pl.line.gapBefore >= gapThreshold else { return false }
        // Text in a picture's slot right under the headline is a picture story's own text.
        guard hasProse else { return false }
        if pending { return hasFollowingProse(after: p, in: outline) }
        return length <= 60 && head.endsSentence
    }

    /// Whether a report follows position `p`, past credits: a dateline or prose longer than a caption.
    private func hasFollowingReport(after p: Int, in outline: OutlineArticle) -> Bool {
        var k = p + 1
        while k < outline.items.count {
            let pl = lines[outline.items[k]]
            if case .text = pl.role {
                return pl.opensWithDateline || !pl.line.isCaptionShaped || pl.line.innerSentenceEnds > 0
            }
            k += 1
        }
        return false
    }

    /// Whether text follows position `p` in the article that is not a repeat of `printed`: each later
    /// text line is checked by its opening (up to 16 characters, spaces removed) against what is printed.
    private func hasNewProse(after p: Int, in outline: OutlineArticle, printed: [[Unicode.Scalar]]) -> Bool {
        let body = printed.joined().filter { !Scalars.isSpace($0) }
        for k in (p + 1)..<max(p + 1, outline.items.count) {
            let index = outline.items[k]
            if outline.innerHeadings.contains(index) { return true }
            let pl = lines[index]
            guard pl.isText else { continue }
            let opening = Array(pl.prose.filter { !Scalars.isSpace($0) }.prefix(16))
            if opening.isEmpty { continue }
            if !body.contains(opening) { return true }
        }
        return false
    }

    /// Whether prose follows position `p` in the article, past credits and other captions.
    private func hasFollowingProse(after p: Int, in outline: OutlineArticle) -> Bool {
        var k = p + 1
        while k < outline.items.count {
            let index = outline.items[k]
            if outline.innerHeadings.contains(index) { return false }
            let pl = lines[index]
            switch pl.role {
            case .label: return false
            case .credit(let c):
                if !c.isPicture { return false }
            case .text:
                let l = pl.line
                let floating = l.gapBefore >= gapThreshold && l.isCaptionShaped && l.endsSentence
                if !floating { return true }
            }
            k += 1
        }
        return false
    }

    /// An unmarked inner subhead of a feature: a short two-part title (点亮夜市 激活新消费).
    /// Running prose has no spaces between Chinese phrases, so a column-break fragment never looks so.
    static func isTwoPartSubhead(_ line: Line) -> Bool {
        guard line.level == 0, line.isTitleLike, line.commas == 0, line.length <= 24 else { return false }
        let parts = line.text.split(whereSeparator: Scalars.isSpace)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in part.count >= 3 && part.filter(Scalars.isHan).count * 2 >= part.count }
    }

    private static let captionOpenings: [[Unicode.Scalar]] = [
        "图为", "图：", "图:", "上图：", "下图：", "左图：", "右图：",
        "上图:", "下图:", "左图:", "右图:", "图片说明：",
    ].map { Array($0.unicodeScalars) }

    /// Whether the text opens the way a caption does (图为…, 上图：…).
    private static func opensLikeCaption(_ text: [Unicode.Scalar]) -> Bool {
        captionOpenings.contains { text.hasPrefix($0) }
    }

    /// Whether the text is already part of the article's body (a repeat, not a caption).
    private static func isPrinted(_ text: [Unicode.Scalar], in paragraphs: [[Unicode.Scalar]]) -> Bool {
        let needle = text.withoutSpaces()
        guard needle.count >= 8 else { return false }
        return paragraphs.contains { $0.withoutSpaces().contains(needle) }
    }

    /// Whether the text holds more than one sentence: text follows the end of its first.
    private static func hasInnerSentenceEnd(_ text: [Unicode.Scalar]) -> Bool {
        RepeatFilter.sentenceEnd(in: text, from: 0) < text.count
    }
}
