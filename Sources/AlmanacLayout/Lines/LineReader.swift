/// Splits a page's text into cleaned, non-blank `Line`s.
///
/// Removes markdown heading marks (`#`), bold marks (`**`), label bullets (■) and the doubled
/// first character that extraction leaves on stock phrases (本本报记者 → 本报记者).
struct LineReader: Sendable {
    func lines(of text: String) -> [Line] {
        var result: [Line] = []
        var current: [Unicode.Scalar] = []
        current.reserveCapacity(256)
        var blanks = 0
        var sawContent = false
        var previousWasCR = false
        func flush() {
            if let line = makeLine(current, gapBefore: blanks) {
                result.append(line)
                blanks = 0
                sawContent = true
            } else if sawContent {
                blanks += 1
            }
            current.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            switch s.value {
            case 0x0A:
                if previousWasCR { previousWasCR = false; continue }
                flush()
            case 0x0D:
                flush()
                previousWasCR = true
                continue
            case 0x2028, 0x2029, 0x85:
                flush()
            default:
                current.append(s)
            }
            previousWasCR = false
        }
        flush()
        return result
    }

    private func makeLine(_ raw: [Unicode.Scalar], gapBefore: Int) -> Line? {
        var text = raw.trimmed()
        guard !text.isEmpty else { return nil }
        var level = 0
        while level < text.count, text[level] == "#" { level += 1 }
        // `# 标题`, or `#标题` when no other # follows (a hashtag #话题# is text).
        let marked = level > 0 && level <= 6 && level < text.count
            && (Scalars.isSpace(text[level]) || (Scalars.isHan(text[level]) && !text[level...].contains("#")))
        if marked {
            text = Array(text[level...]).trimmed()
        } else {
            level = 0
        }
        text = removingBold(text)
        var bulleted = false
        while let first = text.first, Scalars.isBullet(first) {
            bulleted = true
            text = Array(text.dropFirst()).trimmed()
        }
        text = Self.collapsingDoubledStock(text)
        guard !text.isEmpty else { return nil }
        return Line(text: text, level: level, gapBefore: gapBefore, bulleted: bulleted)
    }

    private func removingBold(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard text.contains("*") else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == "*", i + 1 < text.count, text[i + 1] == "*" {
                i += 2
                continue
            }
            out.append(text[i])
            i += 1
        }
        return out.trimmed()
    }

    /// Stock phrases whose first character extraction tends to print twice.
    private static let stock: [[Unicode.Scalar]] = ["本报", "记者", "通讯员"].map { Array($0.unicodeScalars) }

    /// Collapses a doubled first character of a stock phrase: 本本报 → 本报, 记记者 → 记者.
    static func collapsingDoubledStock(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        outer: while i < text.count {
            for phrase in stock where text[i] == phrase[0] {
                // text[i] == text[i+1] == phrase[0] and the phrase follows: drop text[i].
                if i + phrase.count < text.count, text[i + 1] == phrase[0],
                    text[(i + 1)..<(i + 1 + phrase.count)].elementsEqual(phrase)
                {
                    i += 1
                    continue outer
                }
            }
            out.append(text[i])
            i += 1
        }
        return out
    }
}
