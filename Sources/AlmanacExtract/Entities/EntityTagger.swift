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
    /// Open-addressing table of feature keys (0 = empty), power-of-two sized.
    private let slots: [UInt64]
    /// Weights of slot `s` at `weights[s * labelCount ..< (s + 1) * labelCount]`.
    private let weights: [Float]
    private let mask: Int

    /// Builds the lookup table from feature keys and their weights.
    init(transitions: [Float], keys: [UInt64], weights flat: [Float]) {
        self.transitions = transitions
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity)
        var table = [Float](repeating: 0, count: capacity * Self.labelCount)
        let mask = capacity - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & mask }
            slots[slot] = key
            for label in 0..<Self.labelCount {
                table[slot * Self.labelCount + label] += flat[index * Self.labelCount + label]
            }
        }
        self.slots = slots
        self.weights = table
        self.mask = mask
    }

    /// Adds the weights of feature `key` to `scores` (nothing when the model lacks it).
    @inline(__always)
    func accumulate(_ key: UInt64, into scores: UnsafeMutablePointer<Float>) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = slots[slot]
            if found == key {
                let base = slot * Self.labelCount
                for label in 0..<Self.labelCount { scores[label] += weights[base + label] }
                return
            }
            if found == 0 { return }
            slot = (slot + 1) & mask
        }
    }

    /// The best label sequence for `features` (``CharacterFeatures/count`` per position).
    func decode(_ features: [UInt64], count n: Int) -> [Int] {
        let labels = Self.labelCount
        guard n > 0 else { return [] }
        var emission = [Float](repeating: 0, count: n * labels)
        emission.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for i in 0..<n {
                let start = i * CharacterFeatures.count
                for f in 0..<CharacterFeatures.count {
                    let key = features[start + f]
                    if key != 0 { accumulate(key, into: base + i * labels) }
                }
            }
        }
        return Self.viterbi(emission: emission, transitions: transitions, count: n)
    }

    /// Viterbi over BIO labels; `I-X` only after `B-X` or `I-X`.
    static func viterbi(emission: [Float], transitions: [Float], count n: Int) -> [Int] {
        let labels = labelCount
        var score = [Float](repeating: -.infinity, count: n * labels)
        var back = [Int8](repeating: 0, count: n * labels)
        for label in 0..<labels where allowed(from: nil, to: label) {
            score[label] = transitions[labels * labels + label] + emission[label]
        }
        if n > 1 {
            for i in 1..<n {
                for to in 0..<labels {
                    var best: Float = -.infinity
                    var from = 0
                    for previous in 0..<labels where allowed(from: previous, to: to) {
                        let s = score[(i - 1) * labels + previous] + transitions[previous * labels + to]
                        if s > best {
                            best = s
                            from = previous
                        }
                    }
                    score[i * labels + to] = best + emission[i * labels + to]
                    back[i * labels + to] = Int8(from)
                }
            }
        }
        var path = [Int](repeating: 0, count: n)
        var best: Float = -.infinity
        for label in 0..<labels where score[(n - 1) * labels + label] > best {
            best = score[(n - 1) * labels + label]
            path[n - 1] = label
        }
        var i = n - 1
        while i > 0 {
            path[i - 1] = Int(back[i * labels + path[i]])
            i -= 1
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
