/// The passage of an article shown with a search hit, its matches marked `«like this»`.
///
/// Snippets are cut from the stored text in Swift, not by the database, so both drivers return the
/// same snippet for the same article and query, and the reader sees the original text rather than
/// the index's space-separated words. Guillemets mark matches because they survive a terminal and
/// JSON alike and never occur in the papers' own text (which quotes with “” and 《》 for titles);
/// an HTML client turns them into `<mark>`.
///
/// A word is marked wherever it occurs, also inside a longer word ("工程" in 在建«工程»), which is
/// how the index matched it. Latin letters match regardless of case.
public enum Snippet {
    /// Opens a match.
    public static let open = "«"
    /// Closes a match.
    public static let close = "»"

    /// A passage of about `width` characters around the first match in the body (else in the
    /// captions, else in the headline), with `…` where text was cut off; the start of the body
    /// when nothing matches.
    ///
    /// Text is compared and cut as Unicode scalars — one per character in Chinese text — with letters
    /// folded to lower case; a match that would end inside a character (a combining mark follows) is
    /// no match, and cuts are moved off combining marks. Splitting articles into grapheme clusters
    /// made snippets most of a search's cost.
    public static func make(
        terms: [SearchText.Term], headline: String, body: String, captions: [String], width: Int = 80
    ) -> String {
        make(
            terms: terms, headline: headline, bodyScalars: Array(body.unicodeScalars), captions: captions, width: width)
    }

    /// ``make(terms:headline:body:captions:width:)`` for a body already split into scalars.
    static func make(
        terms: [SearchText.Term], headline: String, bodyScalars: [Unicode.Scalar], captions: [String],
        width: Int = 80
    ) -> String {
        let needles = Set(terms.flatMap(\.spellings).map { $0.filter { $0 != " " } })
            .filter { !$0.isEmpty }
            .map { $0.unicodeScalars.map(fold) }
            .sorted { $0.count > $1.count }
        // Each field is cut into scalars only when the ones before it hold no match.
        for text in [nil, captions.joined(separator: " / "), headline] {
            let scalars = text.map { Array($0.unicodeScalars) } ?? bodyScalars
            if let first = firstMatch(of: needles, in: scalars) {
                let start = max(0, min(first - width / 4, scalars.count - width))
                return passage(scalars, from: start, width: width, needles: needles)
            }
        }
        return passage(bodyScalars, from: 0, width: width, needles: [])
    }

    /// `text[start..<start + width]` flattened to one line, matches marked, `…` at cut ends.
    static func passage(_ text: [Unicode.Scalar], from start: Int, width: Int, needles: [[UInt32]]) -> String {
        var start = start
        while start > 0 && isExtending(text[start]) { start -= 1 }
        var end = min(text.count, start + width)
        while end < text.count && isExtending(text[end]) { end += 1 }
        var output: [UInt8] = []
        output.reserveCapacity((end - start) * 3 + 16)
        if start > 0 { appendUTF8("…", to: &output) }
        var index = start
        var markEnd = -1
        while index < end {
            if let length = matchLength(of: needles, in: text, at: index) {
                // Adjacent matches (在建 and 工程 of 在建工程) read as one mark.
                if markEnd == index { output.removeLast(close.utf8.count) } else { output += open.utf8 }
                for scalar in text[index..<index + length] { appendUTF8(scalar, to: &output) }
                output += close.utf8
                index += length
                markEnd = index
            } else {
                let scalar = text[index]
                if isNewline(scalar) {
                    // "\r\n" is one line break.
                    if !(scalar == "\r" && index + 1 < end && text[index + 1] == "\n") { output.append(0x20) }
                } else {
                    appendUTF8(scalar, to: &output)
                }
                index += 1
            }
        }
        if end < text.count { appendUTF8("…", to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `scalar` as UTF-8 (an `inout` buffer, not a captured one: no exclusivity checks per byte).
    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar.isASCII { output.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { output.append($0) } }
    }

    static func firstMatch(of needles: [[UInt32]], in text: [Unicode.Scalar]) -> Int? {
        guard !needles.isEmpty else { return nil }
        return text.indices.first { matchLength(of: needles, in: text, at: $0) != nil }
    }

    /// The length of the longest of `needles` (folded, longest first) that starts at `index`, if any.
    @inline(__always)
    static func matchLength(of needles: [[UInt32]], in text: [Unicode.Scalar], at index: Int) -> Int? {
        let first = fold(text[index])
        for needle in needles where needle[0] == first && index + needle.count <= text.count {
            var offset = 1
            while offset < needle.count && fold(text[index + offset]) == needle[offset] { offset += 1 }
            guard offset == needle.count else { continue }
            let end = index + offset
            if end < text.count && isExtending(text[end]) { continue }  // it would end inside a character
            return needle.count
        }
        return nil
    }

    /// A scalar folded for matching: ASCII, full-width and other cased letters lowered; others as is.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value | 0x20 : value }
        if cjkScalars.contains(value) { return value }
        if value >= 0xFF21 && value <= 0xFF3A { return value + 0x20 }  // Ａ–Ｚ
        if value >= 0xFF00 && value <= 0xFFEF { return value }
        guard scalar.properties.isCased else { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }

    /// Whether `scalar` belongs to the character before it (a combining mark, a joiner, a variation selector).
    @inline(__always)
    static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 || cjkScalars.contains(value) { return false }
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Scalars U+3000–U+9FFF: CJK punctuation, kana, Bopomofo, Hangul letters, CJK ideographs.
    public static let cjkScalars: ClosedRange<UInt32> = 0x3000...0x9FFF
}
