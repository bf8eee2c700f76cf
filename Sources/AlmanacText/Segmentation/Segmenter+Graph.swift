/// The most probable path through the graph of lexicon words of a run of Chinese characters.
extension Segmenter {
    /// Reusable buffers for one thread of work.
    struct Scratch {
        /// The length of the text being cut: `best` and `next` are sized for it when first needed,
        /// so they are allocated once a text rather than again for each longer run.
        var textLength = 0
        var best: [Double] = []
        var next: [Int32] = []
        var ends: [Int] = []
        var scores: [Double] = []
        var back: [UInt8] = []
    }

    /// Cuts the Chinese run `range` of `scalars` (width-folded) and appends its words.
    ///
    /// Right to left, `best[i]` is the log probability of the best cut of the run's suffix from `i`;
    /// the words starting at `i` come from one walk down the trie. Ties go to the longer word. When
    /// `wordStarts` is given (one element a scalar of `scalars`), what each walk found is written there.
    func appendHanRun(
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to ranges: inout [Range<Int>],
        scratch: inout Scratch, wordStarts: UnsafeMutablePointer<LexiconWordStarts>? = nil
    ) {
        let count = range.count
        if count == 1 {
            ranges.append(range)
            return
        }
        if scratch.best.count < count + 1 {
            let size = max(2 * count + 1, scratch.textLength + 1)
            scratch.best = [Double](filling: 0, count: size)
            scratch.next = [Int32](filling: 0, count: size)
        }
        let base = range.lowerBound
        scratch.next.withUnsafeMutableBufferPointer { next in
            scratch.best.withUnsafeMutableBufferPointer { best in
                if let wordStarts {
                    scoreRun(scalars, base: base, count: count, best: best, next: next, wordStarts: wordStarts)
                } else {
                    scoreRun(scalars, base: base, count: count, best: best, next: next, wordStarts: NoWordStarts())
                }
            }
        }
        // Follow the path; runs of single characters go to the model.
        let firstWord = ranges.count
        var i = 0
        var singles = 0
        while i < count {
            let end = Int(scratch.next[i])
            if end - i == 1 {
                singles += 1
            } else {
                if singles > 0 {
                    flushSingles(scalars, (base + i - singles)..<(base + i), to: &ranges, scratch: &scratch)
                }
                singles = 0
                ranges.append((base + i)..<(base + end))
            }
            i = end
        }
        if singles > 0 {
            flushSingles(scalars, (base + count - singles)..<(base + count), to: &ranges, scratch: &scratch)
        }
        if count >= 4 { joinPlaceNames(scalars, in: &ranges, from: firstWord) }
    }

    /// The right-to-left pass of ``appendHanRun(_:_:to:scratch:wordStarts:)`` over the run of `count`
    /// scalars at `base`: sets `best` and `next` (the end of the best first word) for each position,
    /// and hands what each walk found to `wordStarts`. Generic, so that it is compiled twice: with the
    /// bookkeeping for a reader of the words, and without it for every other cut.
    private func scoreRun<Sink: WordStartsSink>(
        _ scalars: UnsafeBufferPointer<UInt32>, base: Int, count: Int, best: UnsafeMutableBufferPointer<Double>,
        next: UnsafeMutableBufferPointer<Int32>, wordStarts: Sink
    ) {
        let records = Sink.keepsWordStarts
        let unknown = lexicon.unknownLogProbability
        let hasUserWords = !userLexicon.isEmpty
        let trie = lexicon.storage
        let walk = lexicon.walk
        best[count] = 0
        var i = count
        while i > 0 {
            i -= 1
            let first = scalars[base + i]
            var bestScore = unknown + best[i + 1]
            var bestEnd = i + 1
            var starts = LexiconWordStarts()
            if first < 0x10000 {
                var entry = walk.roots[Int(first)]
                if SegmentedTrie.endsWord(entry) {
                    bestScore = SegmentedTrie.logProbability(entry) + best[i + 1]
                    if records { starts.add(length: 1, tag: walk.rootTags[Int(first)]) }
                }
                var j = i + 1
                if j < count && !trie.mayBeginWord(first, scalars[base + j]) { entry = 0 }
                // Walk down while the node has children; one read per step.
                while j < count && SegmentedTrie.hasChildren(entry) {
                    let slot = walk.stepSlot(from: entry, label: scalars[base + j])
                    if slot < 0 {
                        entry = 0
                        break
                    }
                    entry = walk.slots[slot]
                    j += 1
                    if SegmentedTrie.endsWord(entry) {
                        let score = SegmentedTrie.logProbability(entry) + best[j]
                        if score >= bestScore {
                            bestScore = score
                            bestEnd = j
                        }
                        if records, j - i <= LexiconWordStarts.maxLength {
                            starts.add(length: j - i, tag: walk.slotTags[slot])
                        }
                    }
                }
                // A path still going on at the end of the run may hold words past it.
                if records, SegmentedTrie.hasChildren(entry), j - i < LexiconWordStarts.maxLength {
                    lexicon.forEachWord(
                        startingAt: base + i, continuing: entry, at: base + j, in: scalars,
                        maxLength: LexiconWordStarts.maxLength
                    ) { starts.add(length: $0, tag: UInt8(truncatingIfNeeded: $1)) }
                }
            }
            if records {
                starts.isComplete = true
                wordStarts.keep(starts, at: base + i)
            }
            if hasUserWords {
                applyUserWords(
                    scalars, base: base, start: i, count: count, best: best, bestScore: &bestScore,
                    bestEnd: &bestEnd)
            }
            best[i] = bestScore
            next[i] = Int32(bestEnd)
        }
    }

    /// Re-scores position `start` with the user's words (which override lexicon words of the same span).
    private func applyUserWords(
        _ scalars: UnsafeBufferPointer<UInt32>, base: Int, start: Int, count: Int,
        best: UnsafeMutableBufferPointer<Double>,
        bestScore: inout Double, bestEnd: inout Int
    ) {
        var node = 0
        var j = start
        var overridden = false
        while j < count, let child = userLexicon.children[node][scalars[base + j]] {
            node = Int(child)
            j += 1
            guard let value = userLexicon.logProbabilities[node] else { continue }
            if value == -.infinity {
                if bestEnd == j { overridden = true }
                continue
            }
            let score = value + best[j]
            if score >= bestScore || bestEnd == j {
                bestScore = score
                bestEnd = j
            }
        }
        if overridden {
            bestScore = lexicon.unknownLogProbability + best[start + 1]
            bestEnd = start + 1
        }
    }

    /// Emits a run of characters the lexicon left single: whole-lexicon-word runs stay single, others go to the model.
    private func flushSingles(
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to ranges: inout [Range<Int>],
        scratch: inout Scratch
    ) {
        guard range.count > 1, let model, !isLexiconWord(scalars, range) else {
            for index in range { ranges.append(index..<(index + 1)) }
            return
        }
        scratch.ends.removeAll(keepingCapacity: true)
        model.cut(scalars, range, into: &scratch.ends, scores: &scratch.scores, back: &scratch.back)
        var start = range.lowerBound
        for end in scratch.ends {
            ranges.append(start..<end)
            start = end
        }
    }

    /// Whether `scalars[range]` is a word of the lexicon.
    private func isLexiconWord(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        var node: Int32 = 0
        for index in range {
            node = lexicon.child(of: node, label: scalars[index])
            if node < 0 { return false }
        }
        return node.isWord(in: lexicon)
    }

    /// The log probability of the best cut of `scalars` into lexicon words (no model), used to size user words.
    static func bestSplitLogProbability(_ scalars: [UInt32], lexicon: Lexicon) -> Double {
        let count = scalars.count
        var best = [Double](repeating: 0, count: count + 1)
        for i in stride(from: count - 1, through: 0, by: -1) {
            var node = lexicon.child(of: 0, label: scalars[i])
            var score =
                (node.isWord(in: lexicon)
                    ? Double(lexicon.storage.logProbabilities[Int(node)]) : lexicon.unknownLogProbability) + best[i + 1]
            var j = i + 1
            while node >= 0 && j < count {
                node = lexicon.child(of: node, label: scalars[j])
                j += 1
                if node.isWord(in: lexicon) {
                    score = max(score, Double(lexicon.storage.logProbabilities[Int(node)]) + best[j])
                }
            }
            best[i] = score
        }
        return best[0]
    }
}

/// Where ``Segmenter/appendHanRun(_:_:to:scratch:wordStarts:)``'s pass puts the lexicon words its
/// walks find (``LexiconWordStarts``).
protocol WordStartsSink {
    /// Whether the sink keeps anything: a constant of the type, so the pass for a sink that keeps
    /// nothing is compiled without the bookkeeping.
    static var keepsWordStarts: Bool { get }
    /// Keeps the words starting at scalar `index` of the text.
    func keep(_ starts: LexiconWordStarts, at index: Int)
}

/// The sink of a cut whose caller does not read the words found.
struct NoWordStarts: WordStartsSink {
    static var keepsWordStarts: Bool { false }
    func keep(_ starts: LexiconWordStarts, at index: Int) {}
}

/// One element a scalar of the text.
extension UnsafeMutablePointer: WordStartsSink where Pointee == LexiconWordStarts {
    static var keepsWordStarts: Bool { true }
    func keep(_ starts: LexiconWordStarts, at index: Int) { self[index] = starts }
}
