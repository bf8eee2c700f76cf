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
    /// Open-addressing table, power-of-two sized, four words a slot: the feature key (0 = empty),
    /// then its seven weights quantised to Int16 (multiply by `scale`), so one lookup touches one
    /// cache line.
    private let slots: [UInt64]
    private let scale: Float
    private let mask: Int

    /// Builds the lookup table from feature keys and their weights (`labelCount` per key).
    init(transitions: [Float], keys: [UInt64], weights flat: [Float]) {
        self.transitions = transitions
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        var slots = [UInt64](repeating: 0, count: capacity * 4)
        let mask = capacity - 1
        let largest = max(flat.map(abs).max() ?? 1, 1e-9)
        let scale = largest / 32767
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot * 4] != 0 && slots[slot * 4] != key { slot = (slot + 1) & mask }
            slots[slot * 4] = key
            for label in 0..<Self.labelCount {
                let q = Int16(max(-32767, min(32767, (flat[index * Self.labelCount + label] / scale).rounded())))
                let word = 1 + label / 4
                let shift = UInt64((label % 4) * 16)
                slots[slot * 4 + word] |= UInt64(UInt16(bitPattern: q)) << shift
            }
        }
        self.slots = slots
        self.scale = scale
        self.mask = mask
    }

    /// The best label sequence for `features` (``CharacterFeatures/count`` per position).
    func decode(_ features: [UInt64], count n: Int) -> [Int] {
        let labels = Self.labelCount
        guard n > 0 else { return [] }
        var emission = [Float](repeating: 0, count: n * labels)
        let mask = self.mask
        let scale = self.scale
        slots.withUnsafeBufferPointer { table in
            features.withUnsafeBufferPointer { keys in
                emission.withUnsafeMutableBufferPointer { scores in
                    var sums = [Int32](repeating: 0, count: 8)
                    for i in 0..<n {
                        for label in 0..<8 { sums[label] = 0 }
                        let start = i * CharacterFeatures.count
                        for f in 0..<CharacterFeatures.count {
                            let key = keys[start + f]
                            guard key != 0 else { continue }
                            var slot = Int(truncatingIfNeeded: key) & mask
                            while true {
                                let found = table[slot &* 4]
                                if found == key {
                                    for word in 1...2 {
                                        let packed = table[slot &* 4 &+ word]
                                        for part in 0..<4 {
                                            let q = Int16(bitPattern: UInt16(truncatingIfNeeded: packed >> UInt64(part * 16)))
                                            sums[(word - 1) * 4 + part] &+= Int32(q)
                                        }
                                    }
                                    break
                                }
                                if found == 0 { break }
                                slot = (slot &+ 1) & mask
                            }
                        }
                        for label in 0..<labels { scores[i * labels + label] = Float(sums[label]) * scale }
                    }
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
