/// Drops text a page prints twice: whole paragraphs, blocks of paragraphs, and repeats that start or
/// end in the middle of a word.
///
/// Repeats are found by content, never by position: every sentence read so far is kept by a hash of
/// its text without white space, and a run of sentences already printed (at least `minimumRun`
/// characters) is removed from a later paragraph. A repeat that starts mid-word has a first sentence
/// that is the tail of one printed before; one that stops mid-word has a last sentence that is the
/// head of one printed before. Lookups are hash probes, so the filter stays linear in the page.
struct RepeatFilter: Sendable {
    /// The shortest run of repeated text that is removed; shorter coincidences stay.
    static let minimumRun = 16
    /// Characters hashed to find a sentence by its head or tail.
    private static let keyLength = 10

    private var sentences: [[Unicode.Scalar]] = []
    private var exact: [UInt64: [Int]] = [:]
    private var heads: [UInt64: [Int]] = [:]
    private var tails: [UInt64: [Int]] = [:]

    init() {}

    /// The paragraph without the sentences already printed; nil when nothing new is left.
    mutating func filter(_ paragraph: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let ranges = Self.sentenceRanges(paragraph)
        let normalized = ranges.map { paragraph[$0].filter { !Scalars.isSpace($0) } }
        var seen = [Bool](repeating: false, count: ranges.count)
        var partial = [Bool](repeating: false, count: ranges.count)
        for (k, sentence) in normalized.enumerated() {
            if isPrinted(sentence) {
                seen[k] = true
            } else if k == 0, isTailOfPrinted(sentence) {
                partial[k] = true
            } else if k == ranges.count - 1, isHeadOfPrinted(sentence) {
                partial[k] = true
            }
        }
        // A partial match counts only next to a whole repeated sentence, or alone when long.
        for k in ranges.indices where partial[k] {
            let neighbour = (k > 0 && seen[k - 1]) || (k + 1 < ranges.count && seen[k + 1])
            if neighbour || (ranges.count == 1 && normalized[k].count >= 20) { seen[k] = true }
        }
        var keep = [Bool](repeating: true, count: ranges.count)
        var k = 0
        while k < ranges.count {
            guard seen[k] else {
                k += 1
                continue
            }
            var end = k
            var length = 0
            while end < ranges.count, seen[end] {
                length += normalized[end].count
                end += 1
            }
            if length >= Self.minimumRun {
                for j in k..<end { keep[j] = false }
            }
            k = end
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(paragraph.count)
        for (k, range) in ranges.enumerated() where keep[k] {
            out.append(contentsOf: paragraph[range])
            remember(normalized[k])
        }
        let trimmed = out.trimmed()
        return trimmed.contains(where: { Scalars.isHan($0) || Scalars.isLatin($0) || Scalars.isDigit($0) })
            ? trimmed : nil
    }

    // MARK: - Sentences

    /// Sentence ranges: each ends after a run of sentence marks and the closing quotes that follow.
    static func sentenceRanges(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < text.count {
            if Scalars.isSentenceEnd(text[i]) {
                var end = i + 1
                while end < text.count, Scalars.isSentenceEnd(text[end]) || Scalars.isCloser(text[end]) { end += 1 }
                ranges.append(start..<end)
                start = end
                i = end
            } else {
                i += 1
            }
        }
        if start < text.count { ranges.append(start..<text.count) }
        return ranges
    }

    // MARK: - Lookups

    private func isPrinted(_ s: [Unicode.Scalar]) -> Bool {
        guard !s.isEmpty, let found = exact[Self.hash(s[...])] else { return false }
        return found.contains { sentences[$0] == s }
    }

    private func isTailOfPrinted(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= Self.keyLength, let found = tails[Self.hash(s.suffix(Self.keyLength))] else { return false }
        return found.contains { sentences[$0].count > s.count && sentences[$0].hasSuffix(s) }
    }

    private func isHeadOfPrinted(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= Self.keyLength, let found = heads[Self.hash(s.prefix(Self.keyLength))] else { return false }
        return found.contains { sentences[$0].count > s.count && sentences[$0].hasPrefix(s) }
    }

    private mutating func remember(_ s: [Unicode.Scalar]) {
        guard !s.isEmpty, !isPrinted(s) else { return }
        let index = sentences.count
        sentences.append(s)
        exact[Self.hash(s[...]), default: []].append(index)
        if s.count >= Self.keyLength {
            heads[Self.hash(s.prefix(Self.keyLength)), default: []].append(index)
            tails[Self.hash(s.suffix(Self.keyLength)), default: []].append(index)
        }
    }

    /// FNV-1a over the scalar values.
    private static func hash(_ s: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in s {
            h ^= UInt64(scalar.value)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }
}
