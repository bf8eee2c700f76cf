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
    /// Only a window of a few `width`s around a match is cut into characters: a field is searched as
    /// Unicode scalars (letters folded to lower case), which costs a fraction of splitting a whole
    /// article into grapheme clusters, and the window then decides the match by characters.
    public static func make(
        terms: [SearchText.Term], headline: String, body: String, captions: [String], width: Int = 80
    ) -> String {
        let spellings = Set(terms.flatMap(\.spellings).map { $0.filter { $0 != " " } }).filter { !$0.isEmpty }
        let needles = spellings.map { Array($0) }.sorted { $0.count > $1.count }
        let folded = spellings.map { $0.unicodeScalars.map(fold) }
        let longest = folded.map(\.count).max() ?? 0
        let bodyScalars = Array(body.unicodeScalars)
        for text in [nil, captions.joined(separator: " / "), headline] {
            let scalars = text.map { Array($0.unicodeScalars) } ?? bodyScalars
            guard !scalars.isEmpty, !needles.isEmpty else { continue }
            let values = scalars.map { fold($0) }
            var from = 0
            while let candidate = firstScalarMatch(of: folded, in: values, from: from) {
                // The window holds `width` scalars before the match and room for the passage after it.
                let lower = max(0, candidate - width)
                let upper = min(scalars.count, candidate + 2 * width + longest)
                let window = Array(String(String.UnicodeScalarView(scalars[lower..<upper])))
                if let first = firstMatch(of: needles, in: window) {
                    let start = max(0, min(first - width / 4, window.count - width))
                    return passage(
                        window, from: start, width: width, needles: needles, cutBefore: lower > 0,
                        cutAfter: upper < scalars.count)
                }
                from = candidate + 1  // a scalar match that is no character match (a combining mark follows)
            }
        }
        let upper = min(bodyScalars.count, 2 * width)
        let window = Array(String(String.UnicodeScalarView(bodyScalars[0..<upper])))
        return passage(window, from: 0, width: width, needles: [], cutAfter: upper < bodyScalars.count)
    }

    /// `text[start..<start + width]` flattened to one line, matches marked, `…` at cut ends (also
    /// where `text` itself was cut from a longer one: `cutBefore`, `cutAfter`).
    static func passage(
        _ text: [Character], from start: Int, width: Int, needles: [[Character]], cutBefore: Bool = false,
        cutAfter: Bool = false
    ) -> String {
        let end = min(text.count, start + width)
        var output = start > 0 || cutBefore ? "…" : ""
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
        if end < text.count || cutAfter { output += "…" }
        return output
    }

    /// A scalar folded for matching: ASCII and other cased letters lowered, everything else as is.
    @inline(__always)
    static func fold(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value | 0x20 : value }
        if cjkScalars.contains(value) || !scalar.properties.isCased { return value }
        return scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? value
    }

    /// The first offset at or after `from` where one of `needles` starts in `values` (all folded).
    static func firstScalarMatch(of needles: [[UInt32]], in values: [UInt32], from: Int) -> Int? {
        guard from < values.count else { return nil }
        return values.withUnsafeBufferPointer { text in
            for index in from..<text.count {
                for needle in needles where needle[0] == text[index] && index + needle.count <= text.count {
                    var offset = 1
                    while offset < needle.count && needle[offset] == text[index + offset] { offset += 1 }
                    if offset == needle.count { return index }
                }
            }
            return nil
        }
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
