import AlmanacText

extension PageOutline {
    // MARK: - Bare pages

    enum Before { case start, boundary, complete, incomplete, opening }
    enum After { case dateline, byline, prose(Int), other }

    func bareMarks() -> [Mark] {
        var marks = [Mark](filling: .body, count: lines.count)
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

    func isCandidate(_ i: Int) -> Bool {
        let l = lines[i]
        return l.isText && l.line.level == 0 && l.tail == nil && !l.opensWithDateline
            && (l.line.isTitleLike || l.line.isDeckLike)
    }

    /// A short line that ends in ！ or ？ (a headline may) right before a dateline.
    func isLooseTitleBeforeDateline(_ i: Int) -> Bool {
        let l = lines[i]
        guard l.isText, l.line.level == 0, l.tail == nil, !l.opensWithDateline, i + 1 < lines.count,
            lines[i + 1].opensWithDateline, l.line.length <= 32, l.line.innerSentenceEnds == 0,
            let last = l.line.lastMark
        else { return false }
        return last == "！" || last == "？" || last == "!" || last == "?"
    }

    func accepts(_ run: ClosedRange<Int>, datelineRich: Bool, marks: [Mark]) -> Bool {
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
    func before(_ i: Int, marks: [Mark]) -> Before {
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

    func after(_ j: Int) -> After {
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
    func assign(_ run: ClosedRange<Int>, to marks: inout [Mark]) {
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
    func inFeature(before i: Int, marks: [Mark]) -> Bool {
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
    func isProse(_ index: Int) -> Bool {
        let l = lines[index]
        return l.isText && l.line.level == 0 && (!l.line.isCaptionShaped || l.line.innerSentenceEnds > 0)
    }

    /// The text of the nearest headline above line `i`, without white space.
    func headlineText(before i: Int, marks: [Mark]) -> [Unicode.Scalar] {
        var k = i - 1
        while k >= 0 {
            if case .headline = marks[k] { return lines[k].line.text.withoutSpaces() }
            k -= 1
        }
        return []
    }

    func isHeadline(_ mark: Mark) -> Bool {
        switch mark {
        case .headline, .sub: return true
        default: return false
        }
    }

    /// Characters a Chinese headline never ends on: particles, prepositions, conjunctions.
    static let functionEndings: Set<Unicode.Scalar> = Set("的了和与及在对把将为从向以被是而并或但也都就又还要让使其之着过".unicodeScalars)

    static func endsInFunctionWord(_ line: Line) -> Bool {
        guard let last = line.lastMark else { return false }
        return functionEndings.contains(last)
    }
}
