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
    /// the words starting at `i` come from one walk down the trie. Ties go to the longer word.
    func appendHanRun(
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to ranges: inout [Range<Int>],
        scratch: inout Scratch
    ) {
        let count = range.count
        if count == 1 {
            ranges.append(range)
            return
        }
        if scratch.best.count < count + 1 {
            let size = max(2 * count + 1, scratch.textLength + 1)
            scratch.best = [Double](repeating: 0, count: size)
            scratch.next = [Int32](repeating: 0, count: size)
        }
        let base = range.lowerBound
        let unknown = lexicon.unknownLogProbability
        let hasUserWords = !userLexicon.isEmpty
        let trie = lexicon.storage
        let walk = lexicon.walk
        scratch.next.withUnsafeMutableBufferPointer { next in
            scratch.best.withUnsafeMutableBufferPointer { best in
                best[count] = 0
                var i = count
                while i > 0 {
                    i -= 1
                    let first = scalars[base + i]
                    var bestScore = unknown + best[i + 1]
                    var bestEnd = i + 1
                    if first < 0x10000 {
                        var entry = walk.roots[Int(first)]
                        if SegmentedTrie.endsWord(entry) {
                            bestScore = SegmentedTrie.logProbability(entry) + best[i + 1]
                        }
                        var j = i + 1
                        if j < count && !trie.mayBeginWord(first, scalars[base + j]) { entry = 0 }
                        // Walk down while the node has children; one read per step.
                        while j < count && SegmentedTrie.hasChildren(entry) {
                            entry = walk.step(from: entry, label: scalars[base + j])
                            if entry == 0 { break }
                            j += 1
                            if SegmentedTrie.endsWord(entry) {
                                let score = SegmentedTrie.logProbability(entry) + best[j]
                                if score >= bestScore {
                                    bestScore = score
                                    bestEnd = j
                                }
                            }
                        }
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
