import Foundation

/// A character tagger for person, place and organisation names: a linear model over
/// ``CharacterFeatures`` with BIO label transitions, decoded by Viterbi.
///
/// The weights come from an averaged structured perceptron (``TaggerTraining``) and are stored in
/// `Resources/ner.bin`: "ALNR", version 1, label count, feature count, scale (Float32), transition
/// weights (labels + 1 rows, the last for the start), then the feature keys (UInt64, sorted) and
/// their weights (Int16 × labels, to be multiplied by the scale). All little-endian.
struct EntityTagger: Sendable {
    /// The labels, in model order.
    static let labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    static var labelCount: Int { labels.count }

    /// Transition weights: `transitions[from * labelCount + to]`, `from == labelCount` is the start.
    let transitions: [Float]
    /// Open-addressing table, power-of-two sized, 16 bytes a slot so four slots share a cache line:
    /// eight Int16 lanes, the first seven the label weights quantised to Int16 (multiply by `scale`),
    /// the last a 16-bit fingerprint of the feature key (0 = empty). The slot index comes from the
    /// key's low bits and the fingerprint from its top 16 bits, so a lookup checks 16 + log2(slots)
    /// bits of the key; a feature outside the model matches a stored one with odds of about 1 in
    /// 65,536 a probe.
    let slots: [SIMD8<Int16>]
    let scale: Float
    let mask: Int
    /// The same weights laid out for ``decode(_:)``.
    let tables: EmissionTables
    /// The features of the other templates (skipping pairs, triples, words), by whole key.
    let pairs: KeyedRows
    /// The features of templates 6–9 (two adjacent scalars), by the pair.
    let bigrams: BigramRows

    @inline(__always)
    static func fingerprint(_ key: UInt64) -> Int16 {
        let f = UInt16(truncatingIfNeeded: key >> 48)
        return Int16(bitPattern: f == 0 ? 1 : f)
    }

    /// Builds the lookup table from feature keys and their weights (`labelCount` per key).
    init(transitions: [Float], keys: [UInt64], weights flat: [Float]) {
        self.transitions = transitions
        var capacity = 16
        while capacity < keys.count * 7 / 4 { capacity <<= 1 }
        var slots = [SIMD8<Int16>](repeating: SIMD8(), count: capacity)
        let mask = capacity - 1
        let largest = max(flat.map(abs).max() ?? 1, 1e-9)
        let scale = largest / 32767
        var keyOfSlot = [UInt64](repeating: 0, count: capacity)
        for (index, key) in keys.enumerated() {
            let print = Self.fingerprint(key)
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot][7] != 0 && slots[slot][7] != print { slot = (slot + 1) & mask }
            keyOfSlot[slot] = key
            var row = SIMD8<Int16>()
            for label in 0..<Self.labelCount {
                row[label] = Int16(max(-32767, min(32767, (flat[index * Self.labelCount + label] / scale).rounded())))
            }
            row[7] = print
            slots[slot] = row
        }
        self.slots = slots
        self.scale = scale
        self.mask = mask
        // Every slot a dense or scalar template's value reads is copied into the dense tables; the
        // rest (scalar pairs, words) go to a small table keyed by whole keys.
        var read = [Bool](repeating: false, count: capacity)
        self.tables = EmissionTables { key in
            let slot = Self.slot(key, in: slots, mask: mask)
            guard slot >= 0 else { return SIMD8() }
            read[slot] = true
            var row = slots[slot]
            row[7] = 0
            return row
        }
        var pairKeys: [UInt64] = []
        var pairRows: [SIMD8<Int16>] = []
        for slot in 0..<capacity where slots[slot][7] != 0 && !read[slot] {
            pairKeys.append(keyOfSlot[slot])
            var row = slots[slot]
            row[7] = 0
            pairRows.append(row)
        }
        // Keys of the scalar-pair templates go to a table by pair; the rest (skipping pairs, words,
        // triples, pairs from above U+FFFF) stay keyed.
        let (bigrams, rest) = BigramRows.decode(keys: pairKeys, rows: pairRows)
        self.bigrams = bigrams
        self.pairs = KeyedRows(keys: rest.map { pairKeys[$0] }, rows: rest.map { pairRows[$0] })
    }

    /// The label weights of feature `key` in `slots` (zero when the model lacks it), lane 7 zero.
    static func row(_ key: UInt64, in slots: [SIMD8<Int16>], mask: Int) -> SIMD8<Int16> {
        let slot = slot(key, in: slots, mask: mask)
        guard slot >= 0 else { return SIMD8() }
        var row = slots[slot]
        row[7] = 0
        return row
    }

    /// The slot whose fingerprint matches `key` in `slots`, or -1.
    static func slot(_ key: UInt64, in slots: [SIMD8<Int16>], mask: Int) -> Int {
        guard key != 0 else { return -1 }
        let print = fingerprint(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = slots[slot][7]
            if found == print { return slot }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The label weights of feature `key` (zero when the model lacks it), lane 7 zero.
    func row(_ key: UInt64) -> SIMD8<Int16> { Self.row(key, in: slots, mask: mask) }

    /// The best label sequence for `features` (``CharacterFeatures/count`` per position).
    func decode(_ features: [UInt64], count n: Int) -> [Int] {
        guard n > 0 else { return [] }
        return Self.viterbi(emission: emission(features, count: n), transitions: transitions, count: n)
    }

    /// The label scores of every position of `features` (lane 7 is no label).
    func emission(_ features: [UInt64], count n: Int) -> [SIMD8<Float>] {
        var emission = [SIMD8<Float>](filling: SIMD8(), count: n)
        let mask = self.mask
        let scale = SIMD8<Float>(repeating: self.scale)
        let featureCount = CharacterFeatures.count
        var home = [Int](filling: 0, count: featureCount)
        slots.withUnsafeBufferPointer { table in
            features.withUnsafeBufferPointer { keys in
                emission.withUnsafeMutableBufferPointer { scores in
                    home.withUnsafeMutableBufferPointer { home in
                        for i in 0..<n {
                            let start = i &* featureCount
                            // First every feature's home slot, loaded without a branch, so the cache
                            // misses of one position overlap instead of waiting on each other.
                            var touched: Int16 = 0
                            for f in 0..<featureCount {
                                let slot = Int(truncatingIfNeeded: keys[start &+ f]) & mask
                                home[f] = slot
                                touched |= table[slot][7]
                            }
                            var sums = SIMD8<Int32>()
                            for f in 0..<featureCount {
                                let key = keys[start &+ f]
                                guard key != 0 else { continue }
                                let print = Self.fingerprint(key)
                                var slot = home[f]
                                while true {
                                    let row = table[slot]
                                    let found = row[7]
                                    if found == print {
                                        sums &+= SIMD8<Int32>(truncatingIfNeeded: row)
                                        break
                                    }
                                    if found == 0 { break }
                                    slot = (slot &+ 1) & mask
                                }
                            }
                            // Lane 7 is no label; it keeps the touching loads from being optimised away.
                            sums[7] = Int32(touched & 1)
                            scores[i] = SIMD8<Float>(sums) * scale
                        }
                    }
                }
            }
        }
        return emission
    }

    /// Viterbi over flat emission scores (`labelCount` per position).
    static func viterbi(emission: [Float], transitions: [Float], count n: Int) -> [Int] {
        let labels = labelCount
        let rows = (0..<n).map { i in
            var row = SIMD8<Float>()
            for label in 0..<labels { row[label] = emission[i * labels + label] }
            return row
        }
        return viterbi(emission: rows, transitions: transitions, count: n)
    }

    /// Viterbi over BIO labels; `I-X` only after `B-X` or `I-X`.
    ///
    /// The scores of a position are one vector (lane 7 unused), and the scores into each label one
    /// vector of its transitions: a step adds them lane by lane and takes the first best, the same
    /// additions and comparisons, in the same order, as a loop over the labels would make.
    static func viterbi(emission: [SIMD8<Float>], transitions: [Float], count n: Int) -> [Int] {
        let labels = labelCount
        guard n > 0 else { return [] }
        precondition(emission.count >= n, "an emission score vector for every position")
        // Transition scores with the forbidden moves at -infinity: one vector per target label,
        // lane `from`, and the start's scores by target.
        var into = [SIMD8<Float>](filling: SIMD8(repeating: -.infinity), count: labels)
        var fromStart = SIMD8<Float>(repeating: -.infinity)
        for to in 0..<labels {
            for from in 0...labels where allowed(from: from == labels ? nil : from, to: to) {
                if from == labels {
                    fromStart[to] = transitions[from * labels + to]
                } else {
                    into[to][from] = transitions[from * labels + to]
                }
            }
        }
        var back = [Int8](filling: 0, count: n * labels)
        var score = SIMD8<Float>(repeating: -.infinity)
        let first = emission[0]
        for label in 0..<labels { score[label] = fromStart[label] + first[label] }
        // Seven labels, written out: a lane read with a constant index stays in the register.
        precondition(labels == 7, "the step below is written for seven labels")
        /// The first best of lanes 0…6 and its lane, as a loop with `>` over them finds it.
        /// Selects rather than branches: which lane wins is data, not a pattern a branch predictor learns.
        @inline(__always) func best(_ s: SIMD8<Float>) -> (score: Float, from: Int8) {
            var best: Float = -.infinity
            var from: Int8 = 0
            @inline(__always) func take(_ value: Float, _ lane: Int8) {
                let better = value > best
                from = better ? lane : from
                best = better ? value : best
            }
            take(s[0], 0)
            take(s[1], 1)
            take(s[2], 2)
            take(s[3], 3)
            take(s[4], 4)
            take(s[5], 5)
            take(s[6], 6)
            return (best, from)
        }
        let into0 = into[0], into1 = into[1], into2 = into[2], into3 = into[3]
        let into4 = into[4], into5 = into[5], into6 = into[6]
        emission.withUnsafeBufferPointer { emission in
            back.withUnsafeMutableBufferPointer { back in
                for i in 1..<max(n, 1) {
                    let e = emission[i]
                    let b0 = best(score + into0), b1 = best(score + into1), b2 = best(score + into2)
                    let b3 = best(score + into3), b4 = best(score + into4), b5 = best(score + into5)
                    let b6 = best(score + into6)
                    score = SIMD8(
                        b0.score + e[0], b1.score + e[1], b2.score + e[2], b3.score + e[3], b4.score + e[4],
                        b5.score + e[5], b6.score + e[6], -.infinity)
                    let row = i &* 7
                    back[row] = b0.from
                    back[row &+ 1] = b1.from
                    back[row &+ 2] = b2.from
                    back[row &+ 3] = b3.from
                    back[row &+ 4] = b4.from
                    back[row &+ 5] = b5.from
                    back[row &+ 6] = b6.from
                }
            }
        }
        var path = [Int](filling: 0, count: n)
        // Written through a buffer: an array made by `Array(filling:count:)` is not known to be unique,
        // and every subscript write would check.
        path.withUnsafeMutableBufferPointer { path in
            var best: Float = -.infinity
            for label in 0..<labels where score[label] > best {
                best = score[label]
                path[n - 1] = label
            }
            var i = n - 1
            while i > 0 {
                path[i - 1] = Int(back[i * labels + path[i]])
                i -= 1
            }
        }
        return path
    }

    /// Whether label `to` may follow `from` (`nil` = sentence start).
    @inline(__always)
    static func allowed(from: Int?, to: Int) -> Bool {
        guard to != 0 && to % 2 == 0 else { return true }  // O and B-* may go anywhere
        guard let from else { return false }
        return from == to || from == to - 1
    }

    // MARK: - Storage

    /// Loads `Resources/ner.bin`.
    static func bundled() throws -> EntityTagger {
        try EntityTagger(bytes: EntityResources.bytes("ner", extension: "bin"))
    }

    init(bytes: [UInt8]) throws {
        var reader = ByteReader(bytes)
        guard reader.ascii(4) == "ALNR", reader.uint32() == 1 else {
            throw EntityResourceError("ner.bin is not an entity model: regenerate it with scripts/ner/train.sh")
        }
        let labels = Int(reader.uint32())
        let features = Int(reader.uint32())
        let scale = Float(bitPattern: reader.uint32())
        guard labels == Self.labelCount, reader.remaining == (labels + 1) * labels * 4 + features * (8 + 2 * labels)
        else { throw EntityResourceError("ner.bin is truncated: regenerate it with scripts/ner/train.sh") }
        let transitions = (0..<(labels + 1) * labels).map { _ in Float(bitPattern: reader.uint32()) }
        let keys = (0..<features).map { _ in reader.uint64() }
        let weights = (0..<features * labels).map { _ in Float(Int16(bitPattern: reader.uint16())) * scale }
        self.init(transitions: transitions, keys: keys, weights: weights)
    }

    /// Writes the model in the layout `init(bytes:)` reads, weights quantised to Int16.
    static func serialize(transitions: [Float], keys: [UInt64], weights: [Float]) -> [UInt8] {
        let largest = weights.map(abs).max() ?? 1
        let scale = max(largest, 1e-9) / 32767
        var out: [UInt8] = Array("ALNR".utf8)
        func put32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put32(1)
        put32(UInt32(labelCount))
        put32(UInt32(keys.count))
        put32(scale.bitPattern)
        for t in transitions { put32(t.bitPattern) }
        for k in keys { withUnsafeBytes(of: k.littleEndian) { out.append(contentsOf: $0) } }
        for w in weights {
            let q = Int16(max(-32767, min(32767, (w / scale).rounded())))
            withUnsafeBytes(of: q.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }
}

/// Reads little-endian values from a byte array.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func ascii(_ count: Int) -> String {
        guard remaining >= count else { return "" }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func uint16() -> UInt16 {
        guard remaining >= 2 else { return 0 }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    mutating func uint32() -> UInt32 {
        guard remaining >= 4 else { return 0 }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << (8 * i) }
        offset += 4
        return v
    }

    mutating func uint64() -> UInt64 {
        let low = UInt64(uint32())
        return low | UInt64(uint32()) << 32
    }
}
