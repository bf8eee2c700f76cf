import Foundation

/// Cuts Chinese text into words.
///
/// Text is first cut into pieces: numbers (`6.43亿`, `1998年`, `7.4%`, `三十五万`, `第三`), Latin and
/// digit runs (`GDP`, `5G`), punctuation, and runs of Chinese characters. Each run is cut along the
/// most probable path through the graph of lexicon words it contains (as jieba does); runs of
/// characters left single are then cut by a hidden Markov model, so unknown names come out whole.
///
/// ```swift
/// let segmenter = try Segmenter.bundled()
/// segmenter.words(in: "锦州市上半年担保贷款6.43亿元")   // ["锦州市", "上半年", "担保", "贷款", "6.43亿", "元"]
/// ```
///
/// A `Segmenter` is an immutable value: share it freely between tasks.
public struct Segmenter: Sendable {
    /// The lexicon words are looked up in.
    public let lexicon: Lexicon
    /// Words added at run time, resolved against `lexicon`.
    public let userLexicon: UserLexicon
    /// The model for runs of characters the lexicon leaves single; `nil` leaves them single.
    public let model: HiddenMarkovModel?

    /// Creates a segmenter.
    public init(lexicon: Lexicon, userLexicon: UserLexicon = UserLexicon(), model: HiddenMarkovModel?) {
        self.lexicon = lexicon
        self.userLexicon = userLexicon.resolved(against: lexicon)
        self.model = model
    }

    /// A segmenter over the bundled lexicon and model, with optional user words.
    public static func bundled(userLexicon: UserLexicon = UserLexicon()) throws -> Segmenter {
        let lexicon = try Lexicon.bundled ?? Lexicon(resource: "lexicon")
        let model = try HiddenMarkovModel.bundled ?? HiddenMarkovModel(bytes: Lexicon.resourceBytes("hmm"))
        return Segmenter(lexicon: lexicon, userLexicon: userLexicon, model: model)
    }

    // MARK: - Public API

    /// The words of `text`, white space dropped.
    public func words(in text: String) -> [String] {
        let scalars = text.scalarValues
        return wordRanges(in: scalars).map { String(scalarValues: scalars[$0]) }
    }

    /// The scalar ranges of the words of `scalars`, in order; white space belongs to no word.
    public func wordRanges(in scalars: [UInt32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(scalars.count / 2 + 1)
        var scratch = Scratch()
        let folded = scalars.map(ScalarClass.foldWidth)
        folded.withUnsafeBufferPointer { appendWords(of: $0, to: &ranges, scratch: &scratch) }
        return ranges
    }

    /// `text` with its words separated by `separator` (two spaces, the SIGHAN format), line by line.
    public func segmentedText(_ text: String, separator: String = "  ") -> String {
        let scalars = text.scalarValues
        var output = String.UnicodeScalarView()
        var lineStart = 0
        let separatorScalars = Array(separator.unicodeScalars)
        for range in wordRanges(in: scalars) {
            if range.lowerBound > lineStart, scalars[lineStart..<range.lowerBound].contains(0x0A) {
                for value in scalars[lineStart..<range.lowerBound] where value == 0x0A { output.append("\n") }
            } else if lineStart > 0 || !output.isEmpty {
                if let last = output.last, last != "\n" { output.append(contentsOf: separatorScalars) }
            }
            for value in scalars[range] { if let scalar = Unicode.Scalar(value) { output.append(scalar) } }
            lineStart = range.upperBound
        }
        for value in scalars[lineStart...] where value == 0x0A { output.append("\n") }
        return String(output)
    }

    // MARK: - Lexicon graph

    /// Reusable buffers for one thread of work.
    struct Scratch {
        var best: [Double] = []
        var next: [Int32] = []
        var ends: [Int] = []
    }

    /// Cuts the Chinese run `range` of `scalars` (width-folded) and appends its words.
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
            scratch.best = [Double](repeating: 0, count: count + 1)
            scratch.next = [Int32](repeating: 0, count: count + 1)
        }
        let base = range.lowerBound
        let unknown = lexicon.unknownLogProbability
        let hasUserWords = !userLexicon.isEmpty
        scratch.best.withUnsafeMutableBufferPointer { best in
            scratch.next.withUnsafeMutableBufferPointer { next in
                lexicon.logProbabilities.withUnsafeBufferPointer { logProbabilities in
                    best[count] = 0
                    for i in stride(from: count - 1, through: 0, by: -1) {
                        let first = scalars[base + i]
                        var node: Int32 = first < 0x10000 ? lexicon.rootChildren[Int(first)] : -1
                        var single = unknown
                        if node >= 0 {
                            let value = logProbabilities[Int(node)]
                            if value > -.infinity { single = Double(value) }
                        }
                        var bestScore = single + best[i + 1]
                        var bestEnd = i + 1
                        var j = i + 1
                        while node >= 0 && j < count {
                            node = lexicon.child(of: node, label: scalars[base + j])
                            if node < 0 { break }
                            j += 1
                            let value = logProbabilities[Int(node)]
                            if value > -.infinity {
                                let score = Double(value) + best[j]
                                if score >= bestScore {
                                    bestScore = score
                                    bestEnd = j
                                }
                            }
                        }
                        if hasUserWords {
                            applyUserWords(scalars, base: base, start: i, count: count, best: best,
                                           bestScore: &bestScore, bestEnd: &bestEnd)
                        }
                        best[i] = bestScore
                        next[i] = Int32(bestEnd)
                    }
                }
            }
        }
        // Follow the path; runs of single characters go to the model.
        var i = 0
        var singles = 0
        while i < count {
            let end = Int(scratch.next[i])
            if end - i == 1 {
                singles += 1
            } else {
                if singles > 0 { flushSingles(scalars, (base + i - singles)..<(base + i), to: &ranges, scratch: &scratch) }
                singles = 0
                ranges.append((base + i)..<(base + end))
            }
            i = end
        }
        if singles > 0 { flushSingles(scalars, (base + count - singles)..<(base + count), to: &ranges, scratch: &scratch) }
    }

    /// Re-scores position `start` with the user's words (which override lexicon words of the same span).
    private func applyUserWords(
        _ scalars: UnsafeBufferPointer<UInt32>, base: Int, start: Int, count: Int, best: UnsafeMutableBufferPointer<Double>,
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
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to ranges: inout [Range<Int>], scratch: inout Scratch
    ) {
        guard range.count > 1, let model, lexicon.node(of: Array(scalars[range])).isWord(in: lexicon) == false else {
            for index in range { ranges.append(index..<(index + 1)) }
            return
        }
        scratch.ends.removeAll(keepingCapacity: true)
        model.cut(scalars, range, into: &scratch.ends)
        var start = range.lowerBound
        for end in scratch.ends {
            ranges.append(start..<end)
            start = end
        }
    }

    /// The log probability of the best cut of `scalars` into lexicon words (no model), used to size user words.
    static func bestSplitLogProbability(_ scalars: [UInt32], lexicon: Lexicon) -> Double {
        let count = scalars.count
        var best = [Double](repeating: 0, count: count + 1)
        for i in stride(from: count - 1, through: 0, by: -1) {
            var node = lexicon.child(of: 0, label: scalars[i])
            var score = (node >= 0 && lexicon.frequencies[Int(node)] > 0
                ? Double(lexicon.logProbabilities[Int(node)]) : lexicon.unknownLogProbability) + best[i + 1]
            var j = i + 1
            while node >= 0 && j < count {
                node = lexicon.child(of: node, label: scalars[j])
                j += 1
                if node >= 0, lexicon.frequencies[Int(node)] > 0 {
                    score = max(score, Double(lexicon.logProbabilities[Int(node)]) + best[j])
                }
            }
            best[i] = score
        }
        return best[0]
    }
}

extension Int32 {
    /// Whether this trie node ends a word of `lexicon`.
    func isWord(in lexicon: Lexicon) -> Bool { self > 0 && lexicon.frequencies[Int(self)] > 0 }
}
