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
    /// Room in the indexes from the start: a page prints about a hundred sentences, and an index
    /// that starts small is rebuilt each time it doubles.
    private static let sentencesPerPage = 128

    /// Every sentence remembered, without white space, one after another; `bounds` delimits them.
    private var store: [Unicode.Scalar] = []
    private var bounds: [Range<Int>] = []
    /// Hash → first sentence index; `chain` links sentences sharing a hash bucket.
    private var exact = HashIndex(capacity: Self.sentencesPerPage)
    private var heads = HashIndex(capacity: Self.sentencesPerPage)
    private var tails = HashIndex(capacity: Self.sentencesPerPage)
    private var exactChain: [Int] = []
    private var headChain: [Int] = []
    private var tailChain: [Int] = []
    /// The current paragraph's sentences without white space, and what is known of each.
    private var scratch: [Unicode.Scalar] = []
    private var normalized: [Range<Int>] = []
    private var hashes: [UInt64] = []
    private var seen: [Bool] = []
    private var partial: [Bool] = []
    private var keep: [Bool] = []
    /// The current paragraph's sentence ranges (kept, like the lists above, from paragraph to paragraph).
    private var ranges: [Range<Int>] = []

    init() {
        store.reserveCapacity(4096)
    }

    /// The paragraph without the sentences already printed; nil when nothing new is left.
    mutating func filter(_ paragraph: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        Self.sentenceRanges(paragraph, into: &ranges)
        let ranges = ranges
        let n = ranges.count
        scratch.removeAll(keepingCapacity: true)
        normalized.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        seen.removeAll(keepingCapacity: true)
        partial.removeAll(keepingCapacity: true)
        keep.removeAll(keepingCapacity: true)
        scratch.reserveCapacity(paragraph.count)
        // Each sentence is copied without white space and hashed in the same pass.
        paragraph.withUnsafeBufferPointer { text in
            for range in ranges {
                let start = scratch.count
                var hash = Self.hashSeed
                for i in range where !Scalars.isSpace(text[i]) {
                    scratch.append(text[i])
                    hash = Self.hashing(text[i], into: hash)
                }
                normalized.append(start..<scratch.count)
                hashes.append(Self.finished(hash))
            }
        }
        for k in 0..<n {
            let text = scratch[normalized[k]]
            seen.append(find(text, hash: hashes[k]) != nil)
            partial.append(!seen[k] && ((k == 0 && isTailOfPrinted(text)) || (k == n - 1 && isHeadOfPrinted(text))))
            keep.append(true)
        }
        // A partial match counts only next to a whole repeated sentence, or alone when long.
        for k in ranges.indices where partial[k] {
            let neighbour = (k > 0 && seen[k - 1]) || (k + 1 < ranges.count && seen[k + 1])
            if neighbour || (ranges.count == 1 && normalized[k].count >= 20) { seen[k] = true }
        }
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
        if !keep.contains(false) {
            for (k, range) in normalized.enumerated() { remember(range, hash: hashes[k]) }
            return paragraph.trimmed()
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(paragraph.count)
        for (k, range) in ranges.enumerated() where keep[k] {
            out.append(contentsOf: paragraph[range])
            remember(normalized[k], hash: hashes[k])
        }
        let trimmed = out.trimmed()
        return trimmed.contains(where: { Scalars.isHan($0) || Scalars.isLatin($0) || Scalars.isDigit($0) })
            ? trimmed : nil
    }

    // MARK: - Sentences

    /// The text's sentence ranges, written into `ranges` (emptied first): each ends after a run of
    /// sentence marks and the closing quotes that follow.
    static func sentenceRanges(_ text: [Unicode.Scalar], into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        var start = 0
        while start < text.count {
            let end = sentenceEnd(in: text, from: start)
            ranges.append(start..<end)
            start = end
        }
    }

    /// Where the sentence opening at `start` ends: after its run of sentence marks and the closing
    /// quotes that follow, or at the end of the text.
    static func sentenceEnd(in text: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < text.count, !Scalars.isSentenceEnd(text[i]) { i += 1 }
        guard i < text.count else { return text.count }
        var end = i + 1
        while end < text.count, Scalars.isSentenceEnd(text[end]) || Scalars.isCloser(text[end]) { end += 1 }
        return end
    }

    // MARK: - Lookups

    private func sentence(_ index: Int) -> ArraySlice<Unicode.Scalar> { store[bounds[index]] }

    /// The index of a remembered sentence equal to `s`.
    private func find(_ s: ArraySlice<Unicode.Scalar>, hash: UInt64) -> Int? {
        guard !s.isEmpty else { return nil }
        var next = exact[hash]
        while let index = next {
            if sentence(index).elementsEqual(s) { return index }
            next = exactChain[index] >= 0 ? exactChain[index] : nil
        }
        return nil
    }

    private func isTailOfPrinted(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count >= Self.keyLength else { return false }
        var next = tails[Self.hash(s.suffix(Self.keyLength))]
        while let index = next {
            let candidate = sentence(index)
            if candidate.count > s.count, candidate.suffix(s.count).elementsEqual(s) { return true }
            next = tailChain[index] >= 0 ? tailChain[index] : nil
        }
        return false
    }

    private func isHeadOfPrinted(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard s.count >= Self.keyLength else { return false }
        var next = heads[Self.hash(s.prefix(Self.keyLength))]
        while let index = next {
            let candidate = sentence(index)
            if candidate.count > s.count, candidate.prefix(s.count).elementsEqual(s) { return true }
            next = headChain[index] >= 0 ? headChain[index] : nil
        }
        return false
    }

    /// Remembers the scratch sentence in `range` unless an equal one is remembered already.
    private mutating func remember(_ range: Range<Int>, hash key: UInt64) {
        let s = scratch[range]
        guard !s.isEmpty, find(s, hash: key) == nil else { return }
        let index = bounds.count
        let start = store.count
        store.append(contentsOf: s)
        bounds.append(start..<store.count)
        exactChain.append(exact[key] ?? -1)
        exact.set(key, index)
        if s.count >= Self.keyLength {
            let head = Self.hash(s.prefix(Self.keyLength))
            headChain.append(heads[head] ?? -1)
            heads.set(head, index)
            let tail = Self.hash(s.suffix(Self.keyLength))
            tailChain.append(tails[tail] ?? -1)
            tails.set(tail, index)
        } else {
            headChain.append(-1)
            tailChain.append(-1)
        }
    }

    /// FNV-1a over the scalar values.
    private static func hash(_ s: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var h = hashSeed
        for scalar in s { h = hashing(scalar, into: h) }
        return finished(h)
    }

    private static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One FNV-1a step.
    @inline(__always) private static func hashing(_ scalar: Unicode.Scalar, into h: UInt64) -> UInt64 {
        (h ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
    }

    /// Mixes the high bits down: the index probes by the low ones.
    @inline(__always) private static func finished(_ h: UInt64) -> UInt64 {
        h ^ (h >> 29)
    }
}
