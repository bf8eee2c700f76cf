/// A character-tagging model (Begin, Middle, End, Single) that cuts runs of characters the lexicon
/// does not join, so unknown names (`林晓`, `蒿坨子`) come out whole.
///
/// Parameters are derived from jieba's MIT-licensed `finalseg` tables by `scripts/lexicon/generate.sh`.
public struct HiddenMarkovModel: Sendable {
    static let floor = -1e30
    /// Log start probabilities of B, M, E, S.
    let start: [Double]
    /// Log transition probabilities, `transition[from * 4 + to]`.
    let transition: [Double]
    /// For each scalar of the Basic Multilingual Plane, the row of its emissions in `emissions`, or -1.
    let rows: [Int32]
    /// Log emission probabilities, `emissions[row * 4 + state]`.
    let emissions: [Float]

    /// The model that ships with AlmanacText, loaded once.
    public static let bundled: HiddenMarkovModel? = try? HiddenMarkovModel(bytes: Lexicon.resourceBytes("hmm"))

    /// Parses the binary layout: "AHMM", version, character count, start (4 doubles),
    /// transitions (16 doubles), characters (UInt32), emissions (Float, state-major).
    init(bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes: bytes)
        guard try reader.magic() == "AHMM", try reader.uint32() == 1 else {
            throw LexiconError(
                "not an AlmanacText HMM file (version 1): regenerate it with scripts/lexicon/generate.sh")
        }
        let count = Int(try reader.uint32())
        start = try reader.floats(4, as: Double.self)
        transition = try reader.floats(16, as: Double.self)
        let characters: [UInt32] = try reader.array(count)
        let stateMajor = try reader.floats(4 * count, as: Float.self)
        var rows = [Int32](repeating: -1, count: 0x10000)
        var emissions = [Float](repeating: -1e30, count: 4 * count)
        for (row, character) in characters.enumerated() {
            if character < 0x10000 { rows[Int(character)] = Int32(row) }
            for state in 0..<4 { emissions[row * 4 + state] = stateMajor[state * count + row] }
        }
        self.rows = rows
        self.emissions = emissions
    }

    /// Cuts `scalars[range]` into words; returns the end offset of each word, in order.
    ///
    /// `scores` and `back` are working space, grown as needed, to spare an allocation per run.
    func cut(
        _ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, into ends: inout [Int], scores: inout [Double],
        back: inout [UInt8]
    ) {
        let count = range.count
        guard count > 1 else {
            if count == 1 { ends.append(range.upperBound) }
            return
        }
        // Viterbi over B=0, M=1, E=2, S=3.
        if scores.count < count * 4 {
            scores = [Double](filling: Self.floor, count: count * 8)
            back = [UInt8](filling: 0, count: count * 8)
        }
        precondition(back.count >= count * 4, "working space for every position")
        // Unchecked reads and writes in the loop: every index is below `count * 4` or a table's size.
        let floor = Self.floor
        scores.withUnsafeMutableBufferPointer { scores in
            back.withUnsafeMutableBufferPointer { back in
                rows.withUnsafeBufferPointer { rows in
                    emissions.withUnsafeBufferPointer { emissions in
                        for t in 0..<count {
                            let value = scalars[range.lowerBound + t]
                            let row = value < 0x10000 ? Int(rows[Int(value)]) : -1
                            for state in 0..<4 {
                                let emission = row >= 0 ? Double(emissions[row &* 4 &+ state]) : floor
                                if t == 0 {
                                    scores[state] = start[state] + emission
                                    continue
                                }
                                // As ``predecessors`` lists them: B and S after E, S (2, 3); M and E after B, M (0, 1).
                                let first = state == 0 || state == 3 ? 2 : 0
                                var best = -Double.infinity
                                var from = 0
                                for previous in first..<(first + 2) {
                                    let score = scores[(t - 1) &* 4 &+ previous] + transition[previous * 4 + state]
                                    if score > best {
                                        best = score
                                        from = previous
                                    }
                                }
                                scores[t &* 4 &+ state] = best + emission
                                back[t &* 4 &+ state] = UInt8(from)
                            }
                        }
                    }
                }
            }
        }
        let last = count - 1
        var state = scores[last * 4 + 2] >= scores[last * 4 + 3] ? 2 : 3
        // Walk back; word ends (E or S) come out last to first, then are put in order.
        let firstEnd = ends.count
        for t in stride(from: last, through: 0, by: -1) {
            if state == 2 || state == 3 { ends.append(range.lowerBound + t + 1) }
            state = Int(back[t * 4 + state])
        }
        // Swapped in place: reversing the slice `ends[firstEnd...]` copied the whole array first.
        var low = firstEnd
        var high = ends.count - 1
        while low < high {
            ends.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    /// The states each state can follow: B after E/S, M after B/M, E after B/M, S after E/S.
    static let predecessors: [[Int]] = [[2, 3], [0, 1], [0, 1], [2, 3]]
}
