/// Repairs inside a paragraph's text that extraction damage calls for.
enum TextRepair {
    /// English function words that extraction leaves between Chinese words, and what they read as.
    private static let strayWords: [(word: [Unicode.Scalar], reading: [Unicode.Scalar])] = [
        (Array("and".unicodeScalars), Array("和".unicodeScalars)),
        (Array("or".unicodeScalars), Array("或".unicodeScalars)),
    ]

    private static let jumpWords: [[Unicode.Scalar]] = ["上接", "下转", "接第", "转第", "转", "接"].map {
        Array($0.unicodeScalars)
    }

    /// Removes a jump line glued to the text — （上接第一版） at the start, （下转第二版） at the end.
    static func removingJumps(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var t = text
        if let first = t.first, first == "(" || first == "（",
            let close = t.prefix(16).firstIndex(where: { $0 == ")" || $0 == "）" }),
            isJump(t[1..<close])
        {
            t = Array(t[(close + 1)...]).trimmed()
        }
        if let last = t.last, last == ")" || last == "）",
            let open = t.suffix(16).lastIndex(where: { $0 == "(" || $0 == "（" }), isJump(t[(open + 1)..<(t.count - 1)])
        {
            t = Array(t[..<open]).trimmed()
        }
        return t
    }

    /// Whether bracket content reads as a jump: 上接/下转 … 版.
    static func isJump(_ inner: ArraySlice<Unicode.Scalar>) -> Bool {
        guard inner.last == "版", inner.count <= 12 else { return false }
        return jumpWords.contains { inner.starts(with: $0) }
    }

    /// Replaces a stray English `and` / `or` standing between two Chinese characters (线上 and 线下 → 线上和线下).
    static func replacingStrayLatin(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard text.contains(where: { $0 == "a" || $0 == "o" }) else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == "a" || text[i] == "o", let (reading, end) = strayWord(in: text, at: i) {
                // Drop the spaces already copied before the word.
                while let last = out.last, Scalars.isSpace(last) { out.removeLast() }
                out.append(contentsOf: reading)
                i = end
                continue
            }
            out.append(text[i])
            i += 1
        }
        return out
    }

    /// The reading of a stray word starting at `i` and the index after the spaces that follow it.
    private static func strayWord(in text: [Unicode.Scalar], at i: Int) -> ([Unicode.Scalar], Int)? {
        for entry in strayWords {
            let end = i + entry.word.count
            guard end <= text.count, text[i..<end].elementsEqual(entry.word) else { continue }
            var before = i - 1
            while before >= 0, Scalars.isSpace(text[before]) { before -= 1 }
            var after = end
            while after < text.count, Scalars.isSpace(text[after]) { after += 1 }
            // The word must stand between Chinese characters, spaces around it or not.
            guard before >= 0, after < text.count, Scalars.isHan(text[before]), Scalars.isHan(text[after]) else {
                continue
            }
            return (entry.reading, after)
        }
        return nil
    }
}
