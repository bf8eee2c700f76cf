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
    public static func make(
        terms: [SearchText.Term], headline: String, body: String, captions: [String], width: Int = 80
    ) -> String {
        let needles = Set(terms.flatMap(\.spellings).map { $0.filter { $0 != " " } })
            .filter { !$0.isEmpty }
            .map { Array($0) }
            .sorted { $0.count > $1.count }
        // Each field is cut into characters only when the ones before it hold no match.
        let bodyCharacters = Array(body)
        for text in [nil, captions.joined(separator: " / "), headline] {
            let field = text.map(Array.init) ?? bodyCharacters
            guard !field.isEmpty else { continue }
            if let first = firstMatch(of: needles, in: field) {
                let start = max(0, min(first - width / 4, field.count - width))
                return passage(field, from: start, width: width, needles: needles)
            }
        }
        return passage(bodyCharacters, from: 0, width: width, needles: [])
    }

    /// `text[start..<start + width]` flattened to one line, matches marked, `…` at cut ends.
    static func passage(_ text: [Character], from start: Int, width: Int, needles: [[Character]]) -> String {
        let end = min(text.count, start + width)
        var output = start > 0 ? "…" : ""
        var index = start
        var markEnd = -1
        while index < end {
            if let needle = needles.first(where: { matches($0, in: text, at: index) }) {
                // Adjacent matches (在建 and 工程 of 在建工程) read as one mark.
                if markEnd == index { output.removeLast(close.count) } else { output += open }
                output += String(text[index..<index + needle.count]) + close
                index += needle.count
                markEnd = index
            } else {
                output.append(text[index].isNewline ? " " : text[index])
                index += 1
            }
        }
        if end < text.count { output += "…" }
        return output
    }

    static func firstMatch(of needles: [[Character]], in text: [Character]) -> Int? {
        guard !needles.isEmpty else { return nil }
        return text.indices.first { index in needles.contains { matches($0, in: text, at: index) } }
    }

    static func matches(_ needle: [Character], in text: [Character], at index: Int) -> Bool {
        guard index + needle.count <= text.count else { return false }
        for offset in needle.indices where !sameIgnoringCase(text[index + offset], needle[offset]) {
            return false
        }
        return true
    }

    /// Whether `a` and `b` are one character, letter case aside; only cased letters (Latin, Greek,
    /// Cyrillic…) are lowered, so comparing Chinese text allocates nothing.
    public static func sameIgnoringCase(_ a: Character, _ b: Character) -> Bool {
        // Fast path for the usual comparison, two Chinese characters: each one scalar of the
        // CJK block, which holds no cased letter and no two canonically equivalent scalars, so
        // they are the same character exactly when their scalars are (tested in SnippetTests).
        if let x = singleCJKScalar(a), let y = singleCJKScalar(b) { return x == y }
        if a == b { return true }
        if let x = a.asciiValue, let y = b.asciiValue {
            return x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A
        }
        return a.isCased && b.isCased && a.lowercased() == b.lowercased()
    }

    /// Scalars U+3000–U+9FFF: CJK punctuation, kana, Bopomofo, Hangul letters, CJK ideographs.
    public static let cjkScalars: ClosedRange<UInt32> = 0x3000...0x9FFF

    /// The scalar value of `character` when it is a single scalar in ``cjkScalars``.
    @inline(__always)
    static func singleCJKScalar(_ character: Character) -> UInt32? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, cjkScalars.contains(first.value),
            scalars.index(after: scalars.startIndex) == scalars.endIndex
        else { return nil }
        return first.value
    }
}
