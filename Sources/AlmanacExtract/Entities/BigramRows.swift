/// The rows of the four templates that hash two adjacent scalars — 6 (one before, at), 7 (at, one
/// after), 8 (two before, one before) and 9 (one after, two after) — found by the pair of scalars
/// itself: one probe a pair of a text, with no hashing, where the keyed table took four hashed keys
/// a position (a pair is read by four positions, one template each).
///
/// The model stores only the keys' hashes, but ``CharacterFeatures/key(_:_:_:)`` can be undone for
/// these templates: ``CharacterFeatures/mix(_:)`` is a bijection, so a key gives `mix(t ^ a) ^ b`,
/// and `b` (a scalar or a sentinel, under 2^33) leaves its top 31 bits those of `mix(t ^ a)`, which
/// a sorted list of every first scalar of the Basic Multilingual Plane (and both sentinels) finds.
/// Each key of the keyed table is tried as each template; every `(a, b)` whose key it is gets its
/// row, so a pair's rows here are exactly what looking up its four keys would give. A pair whose
/// first scalar lies above U+FFFF is not here and is looked up by key. The keys decoded here leave
/// the keyed table, which is exact unless a word's or triple's 64-bit key equals a pair's — a
/// collision of two features' hashes that the model's keys could not tell apart either.
struct BigramRows: Sendable {
    /// Open-addressing slots: ``packed(_:_:)`` of the pair (bits 0–42), the templates it has
    /// (bits 43–46, template 6 first) and the index of its first row in `rows` (bits 47–63); 0 empty.
    let slots: [UInt64]
    let shift: UInt64
    /// The rows of the pairs' templates, each pair's present ones in template order.
    let rows: [SIMD8<Int16>]

    /// The templates, in the order of their bits.
    static let templates: [UInt64] = [6, 7, 8, 9]
    static let keyBits: UInt64 = (1 << 43) - 1

    /// The pair as 43 bits: 21 a scalar (the sentinels as 0x110000 and 0x110001) and bit 42 set.
    @inline(__always)
    static func packed(_ a: UInt64, _ b: UInt64) -> UInt64 {
        @inline(__always) func id(_ v: UInt64) -> UInt64 {
            v < 0x110000 ? v : v == CharacterContext.startSentinel ? 0x110000 : 0x110001
        }
        return 1 << 42 | id(a) << 21 | id(b)
    }

    /// Whether the pair starting with `a` is in the table when the model has it (else: look it up by key).
    @inline(__always)
    static func covers(_ a: UInt64) -> Bool {
        a < 0x10000 || a == CharacterContext.startSentinel || a == CharacterContext.endSentinel
    }

    @inline(__always)
    static func home(_ packed: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The table of the pairs among `keys` (with `rows` beside them), and the keys that are no pair's.
    static func decode(keys: [UInt64], rows keyRows: [SIMD8<Int16>]) -> (BigramRows, rest: [Int]) {
        // A key of 1 may stand for a hash of 0 (``CharacterFeatures/key``), which cannot be undone.
        guard !keys.contains(1) else { return (BigramRows(pairs: [:]), Array(keys.indices)) }
        let firsts: [UInt64] =
            (0..<0x10000).map { UInt64($0) } + [CharacterContext.startSentinel, CharacterContext.endSentinel]
        var pairs: [UInt64: [SIMD8<Int16>?]] = [:]
        var rest: [Int] = []
        let byTemplate = templates.map { template in
            firsts.indices.map { index in
                (inner(template, firsts[index]) >> 33) << 17 | UInt64(index)
            }.sorted()
        }
        for (index, key) in keys.enumerated() {
            let unmixed = CharacterFeatures.unmix(key)
            var decoded = false
            for (t, template) in templates.enumerated() {
                let sorted = byTemplate[t]
                let top = (unmixed >> 33) << 17
                var low = 0
                var high = sorted.count
                while low < high {
                    let middle = (low + high) / 2
                    if sorted[middle] < top { low = middle + 1 } else { high = middle }
                }
                while low < sorted.count && sorted[low] >> 17 == unmixed >> 33 {
                    let a = firsts[Int(sorted[low] & 0x1FFFF)]
                    low += 1
                    let b = unmixed ^ inner(template, a)
                    guard b < 0x110000 || b == CharacterContext.startSentinel || b == CharacterContext.endSentinel,
                        CharacterFeatures.key(template, a, b) == key
                    else { continue }
                    var block = pairs[packed(a, b)] ?? [nil, nil, nil, nil]
                    block[t] = keyRows[index]
                    pairs[packed(a, b)] = block
                    decoded = true
                }
            }
            if !decoded { rest.append(index) }
        }
        return (BigramRows(pairs: pairs), rest)
    }

    /// `mix(template ^ a)`, the inner hash of ``CharacterFeatures/key(_:_:_:)``.
    @inline(__always)
    static func inner(_ template: UInt64, _ a: UInt64) -> UInt64 {
        CharacterFeatures.mix(template &* 0x1000_0000_01B3 ^ a)
    }

    private init(pairs: [UInt64: [SIMD8<Int16>?]]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var rows: [SIMD8<Int16>] = []
        // In key order, so the table is the same from run to run.
        for (packed, block) in pairs.sorted(by: { $0.key < $1.key }) {
            var mask: UInt64 = 0
            let first = UInt64(rows.count)
            for (t, row) in block.enumerated() {
                guard let row else { continue }
                mask |= 1 << UInt64(t)
                rows.append(row)
            }
            precondition(first < 1 << 17, "row index fits in 17 bits")
            var slot = Self.home(packed, shift)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = packed | mask << 43 | first << 47
        }
        self.slots = slots
        self.shift = shift
        self.rows = rows
    }
}

extension CharacterFeatures {
    /// The inverse of ``mix(_:)``: `unmix(mix(x)) == x` for every `x`.
    @inline(__always)
    static func unmix(_ value: UInt64) -> UInt64 {
        var z = value ^ value >> 31 ^ value >> 62
        z = z &* inverse(0x94D0_49BB_1331_11EB)
        z = z ^ z >> 27 ^ z >> 54
        z = z &* inverse(0xBF58_476D_1CE4_E5B9)
        z = z ^ z >> 30 ^ z >> 60
        return z &- 0x9E37_79B9_7F4A_7C15
    }

    /// The inverse of an odd number modulo 2^64 (Newton's iteration: each step doubles the bits right).
    @inline(__always)
    static func inverse(_ odd: UInt64) -> UInt64 {
        var x = odd  // right in the low three bits
        for _ in 0..<5 { x = x &* (2 &- odd &* x) }
        return x
    }
}
