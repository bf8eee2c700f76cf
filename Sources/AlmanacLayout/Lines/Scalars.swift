/// Character classes the layout engine reads a page by.
///
/// Both full-width and ASCII punctuation are recognised, so pages printed with either read the same.
enum Scalars {
    /// Pieces of text joined by a separator into one `String`, encoded to UTF-8 in one pass.
    static func string(joining pieces: [[Unicode.Scalar]], separator: Unicode.Scalar) -> String {
        // Chinese text takes three bytes a scalar; reserve for the worst case.
        let capacity = pieces.reduce(pieces.count) { $0 + $1.count } * 4
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var i = 0
            // Indices stay below the capacity reserved, so they are stepped without overflow checks.
            @inline(__always) func byte(_ b: UInt32, at offset: Int) {
                buffer[i &+ offset] = UInt8(truncatingIfNeeded: b)
            }
            @inline(__always) func put(_ s: Unicode.Scalar) {
                let v = s.value
                // Three-byte scalars (Chinese text) are tested for first.
                if v >= 0x800 && v < 0x10000 {
                    byte(0xE0 | (v >> 12), at: 0)
                    byte(0x80 | ((v >> 6) & 0x3F), at: 1)
                    byte(0x80 | (v & 0x3F), at: 2)
                    i &+= 3
                } else if v < 0x80 {
                    byte(v, at: 0)
                    i &+= 1
                } else if v < 0x800 {
                    byte(0xC0 | (v >> 6), at: 0)
                    byte(0x80 | (v & 0x3F), at: 1)
                    i &+= 2
                } else {
                    byte(0xF0 | (v >> 18), at: 0)
                    byte(0x80 | ((v >> 12) & 0x3F), at: 1)
                    byte(0x80 | ((v >> 6) & 0x3F), at: 2)
                    byte(0x80 | (v & 0x3F), at: 3)
                    i &+= 4
                }
            }
            for (k, piece) in pieces.enumerated() {
                if k > 0 { put(separator) }
                piece.withUnsafeBufferPointer { for s in $0 { put(s) } }
            }
            return i
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2EBEF, 0x3007: return true
        default: return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        // Chinese characters are past every space but U+FEFF: one comparison settles most scalars.
        guard s.value <= 0x3000 || s.value == 0xFEFF else { return false }
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: return true
        default: return false
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    static func isUpperLatin(_ s: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(s.value) || (0xFF21...0xFF3A).contains(s.value)
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        isUpperLatin(s) || (0x61...0x7A).contains(s.value) || (0xFF41...0xFF5A).contains(s.value)
    }

    /// Marks that end a sentence: 。！？ and their ASCII forms, the ellipsis.
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        // Chinese characters lie between 。 and the full-width marks.
        guard s.value <= 0x3002 || s.value >= 0xFF01 else { return false }
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0xFF0E, 0xFF61: return true
        default: return false
        }
    }

    /// Marks that end a clause but not a sentence: commas, the enumeration comma, semicolons, colons.
    static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x2C, 0x3001, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0xFE50, 0xFE51: return true
        default: return false
        }
    }

    static func isComma(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x2C, 0x3001, 0xFF1B, 0x3B, 0xFE50, 0xFE51: return true
        default: return false
        }
    }

    /// Closing quotes and brackets, which may follow a sentence's final mark.
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        // Chinese characters lie between 】 and the full-width closers.
        guard s.value <= 0x3011 || s.value >= 0xFF02 else { return false }
        switch s.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3009, 0x3011, 0x5D, 0x22, 0x27, 0xFF02, 0xFF07:
            return true
        default: return false
        }
    }

    /// Decorations that mark a column label: ■ □ ◆ ◇ ● ○ ▲ △ ★ ☆ ▶ ► ◎.
    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x25A0, 0x25A1, 0x25C6, 0x25C7, 0x25CF, 0x25CB, 0x25B2, 0x25B3, 0x2605, 0x2606, 0x25B6, 0x25BA, 0x25CE:
            return true
        default: return false
        }
    }

    static func isDash(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x2014 || s.value == 0x2015 || s.value == 0x2013 || s.value == 0x2500
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars without leading and trailing white space.
    func trimmed() -> [Unicode.Scalar] {
        var lo = startIndex
        var hi = endIndex
        while lo < hi, Scalars.isSpace(self[lo]) { lo += 1 }
        while hi > lo, Scalars.isSpace(self[hi - 1]) { hi -= 1 }
        if lo == startIndex && hi == endIndex { return self }
        return Array(self[lo..<hi])
    }

    /// The scalars with all white space removed.
    func withoutSpaces() -> [Unicode.Scalar] {
        // Room for every scalar up front: the copy never grows.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(count)
        for s in self where !Scalars.isSpace(s) { out.append(s) }
        return out
    }

    func hasPrefix(_ p: [Unicode.Scalar]) -> Bool {
        count >= p.count && self[0..<p.count].elementsEqual(p)
    }

    func hasSuffix(_ p: [Unicode.Scalar]) -> Bool {
        count >= p.count && self[(count - p.count)...].elementsEqual(p)
    }

    /// The scalars as a `String`, encoded straight to UTF-8.
    var string: String { Scalars.string(joining: [self], separator: "\n") }

}

extension RandomAccessCollection where Element == Unicode.Scalar, Index == Int {
    /// Whether `needle` occurs in the scalars.
    func contains(_ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard count >= needle.count, let first = needle.first else { return false }
        var i = startIndex
        let last = endIndex - needle.count
        while i <= last {
            if self[i] == first, self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// Whether the text ends a sentence: its last mark, after closing quotes and brackets, is 。！？…
    var endsSentence: Bool {
        var i = endIndex - 1
        while i >= startIndex, Scalars.isSpace(self[i]) { i -= 1 }
        while i >= startIndex, Scalars.isCloser(self[i]) { i -= 1 }
        guard i >= startIndex else { return false }
        if Scalars.isSentenceEnd(self[i]) { return true }
        // An ASCII full stop ends a sentence unless it sits between digits.
        if self[i] == "." { return i == startIndex || !Scalars.isDigit(self[i - 1]) }
        return false
    }
}

extension Sequence where Element == Unicode.Scalar {
    /// The number of scalars that are not white space.
    var visibleCount: Int {
        var n = 0
        for s in self where !Scalars.isSpace(s) { n += 1 }
        return n
    }
}

extension String {
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}
