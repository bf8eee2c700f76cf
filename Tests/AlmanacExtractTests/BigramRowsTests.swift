import Testing

@testable import AlmanacExtract

/// The pair table of templates 6–9 undoes the feature hash: every pair whose key is given is found
/// under its template with its row, and keys of no pair are left to the keyed table.
struct BigramRowsTests {
    @Test func unmixUndoesMix() {
        var state: UInt64 = 12_345
        for _ in 0..<1_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(CharacterFeatures.unmix(CharacterFeatures.mix(state)) == state)
        }
        #expect(CharacterFeatures.unmix(CharacterFeatures.mix(0)) == 0)
    }

    /// The rows of the pair (a, b), template by template (zero when it has none).
    static func rows(_ table: BigramRows, _ a: UInt64, _ b: UInt64) -> [SIMD8<Int16>] {
        let key = BigramRows.packed(a, b)
        var slot = BigramRows.home(key, table.shift)
        while table.slots[slot] != 0 {
            let found = table.slots[slot]
            if found & BigramRows.keyBits == key {
                var r = Int(found >> 47)
                return (0..<4).map { t in
                    guard found >> (43 + UInt64(t)) & 1 != 0 else { return SIMD8() }
                    defer { r += 1 }
                    return table.rows[r]
                }
            }
            slot = (slot + 1) & (table.slots.count - 1)
        }
        return Array(repeating: SIMD8(), count: 4)
    }

    @Test func pairsAreFoundByTheirScalarsAndOtherKeysAreLeft() {
        let start = CharacterContext.startSentinel
        let end = CharacterContext.endSentinel
        // (template, a, b) of 岚江, 江市, the sentinels, a scalar above U+FFFF second (found) and first (left).
        let features: [(UInt64, UInt64, UInt64)] = [
            (6, 0x5C9A, 0x6C5F), (7, 0x5C9A, 0x6C5F), (9, 0x6C5F, 0x5E02), (8, start, start), (6, start, 0x5C9A),
            (7, 0x5E02, end), (9, end, end), (8, 0x5C9A, 0x20BB7), (6, 0x20BB7, 0x5C9A),
        ]
        var keys = features.map { CharacterFeatures.key($0.0, $0.1, $0.2) }
        // Keys of other templates: a word hash and a skipping pair.
        keys.append(CharacterFeatures.key(13, 0xDEAD_BEEF_1234_5678, 2))
        keys.append(CharacterFeatures.key(10, 0x5C9A, 0x5E02))
        let rows = keys.indices.map { SIMD8<Int16>(repeating: Int16($0 + 1)) }
        let (table, rest) = BigramRows.decode(keys: keys, rows: rows)
        #expect(rest == [8, 9, 10])
        for (index, (template, a, b)) in features.enumerated() where index < 8 {
            let found = Self.rows(table, a, b)
            #expect(found[Int(template - 6)] == rows[index], "template \(template) of \(a), \(b)")
        }
        // 岚江 has templates 6 and 7 and not 8 or 9; a pair the keys lack has nothing.
        #expect(Self.rows(table, 0x5C9A, 0x6C5F)[2] == SIMD8())
        #expect(Self.rows(table, 0x6C5F, 0x5C9A) == Array(repeating: SIMD8(), count: 4))
    }
}
