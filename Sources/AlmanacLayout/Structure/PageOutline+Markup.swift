import AlmanacText

extension PageOutline {
    // MARK: - Marked-up pages

    func markdownMarks() -> [Mark] {
        var marks = [Mark](filling: .body, count: lines.count)
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
        // An unmarked title right above a dateline starts an article even on a marked-up page.
        var i = 0
        while i < lines.count {
            guard case .body = marks[i], isCandidate(i) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < lines.count, case .body = marks[j + 1], isCandidate(j + 1) { j += 1 }
            // Not right under a marked headline: there it is a deck, or the headline printed again.
            let underHeadline = i > 0 && isHeadline(marks[i - 1])
            if underHeadline, i == j, lines[i].line.isDeckLike, case .dateline = after(j),
                lines[i].line.text.withoutSpaces() != headlineText(before: i, marks: marks)
            {
                marks[i] = .sub
            } else if !underHeadline, case .dateline = after(j) {
                assign(i...j, to: &marks)
            }
            i = j + 1
        }
        return marks
    }

    func isUnmarkedLabel(_ i: Int) -> Bool {
        let l = lines[i]
        guard l.isText, l.tail == nil, l.line.isTitleLike, l.line.length <= 12, l.line.commas == 0,
            i + 1 < lines.count, lines[i + 1].line.level > 0, !lines[i + 1].isLabel
        else { return false }
        guard i > 0 else { return true }
        let p = lines[i - 1]
        return !p.isText || p.line.level > 0 || p.proseEndsSentence
    }
}
