import AlmanacText

/// Splits a page's text into cleaned, non-blank `Line`s.
///
/// Removes markdown heading marks (`#`), bold marks (`**`), label bullets (■) and the doubled
/// first character that extraction leaves on stock phrases (本本报记者 → 本报记者).
struct LineReader: Sendable {
    func lines(of text: String) -> [Line] {
        lines(ofScalars: text.scalarValues)
    }

    /// ``lines(of:)`` of a text given as its scalar values (a string's, so every value is a scalar).
    func lines(ofScalars values: [UInt32]) -> [Line] {
        // Read in place as scalars: a string's scalar values are valid scalars, laid out alike.
        values.withUnsafeBufferPointer { values in
            values.withMemoryRebound(to: Unicode.Scalar.self) { scalars in
                var result: [Line] = []
                result.reserveCapacity(scalars.count / 64 + 4)
                var blanks = 0
                var sawContent = false
                let n = scalars.count
                var lineStart = 0
                // The end of the text ends the last line.
                while lineStart <= n {
                    // Scanned in a loop of its own: most scalars are no line end.
                    var end = lineStart
                    while end < n, !Self.isLineEnd(scalars[end]) { end += 1 }
                    if let line = makeLine(scalars[lineStart..<end], gapBefore: blanks) {
                        result.append(line)
                        blanks = 0
                        sawContent = true
                    } else if sawContent {
                        blanks += 1
                    }
                    var next = end + 1
                    // CR LF is one line end.
                    if end < n, scalars[end] == "\r", next < n, scalars[next] == "\n" { next += 1 }
                    lineStart = next
                }
                return result
            }
        }
    }

    /// Line feed, carriage return, next line (NEL) and the Unicode line and paragraph separators.
    private static func isLineEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A, 0x0D, 0x2028, 0x2029, 0x85: return true
        default: return false
        }
    }

    private func makeLine(_ raw: Slice<UnsafeBufferPointer<Unicode.Scalar>>, gapBefore: Int) -> Line? {
        var lo = raw.startIndex
        var hi = raw.endIndex
        while lo < hi, Scalars.isSpace(raw[lo]) { lo += 1 }
        while hi > lo, Scalars.isSpace(raw[hi - 1]) { hi -= 1 }
        var text = Array(raw[lo..<hi])
        guard !text.isEmpty else { return nil }
        var level = 0
        while level < text.count, text[level] == "#" { level += 1 }
        // `# 标题`, or `#标题` when no other # follows (a hashtag #话题# is text).
        let marked =
            level > 0 && level <= 6 && level < text.count
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

    private static let stockFirsts: Set<Unicode.Scalar> = Set(stock.compactMap(\.first))

    /// Collapses a doubled first character of a stock phrase: 本本报 → 本报, 记记者 → 记者.
    static func collapsingDoubledStock(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var doubled = false
        for i in 1..<max(1, text.count) where text[i] == text[i - 1] && stockFirsts.contains(text[i]) {
            doubled = true
            break
        }
        guard doubled else { return text }
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
