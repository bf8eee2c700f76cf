import AlmanacText

/// The features the entity tagger reads at each character: the characters around it, the word the
/// segmenter puts it in (its position, length, identity and jieba tag, and the words beside it),
/// and the grammar of names — a place-table match, a family name, transliteration characters, the
/// distance to the organisation suffix ahead and to the title of a person behind.
///
/// Each feature is a 64-bit hash of its template number and values; ``CharacterFeatures/count``
/// of them per character, 0 for a feature that does not apply.
enum CharacterFeatures {
    static let count = 34

    /// All features of `analysis`, `count` per scalar, position-major.
    static func extract(_ analysis: TextAnalysis, grammar: EntityGrammar) -> [UInt64] {
        let n = analysis.scalars.count
        var out = [UInt64](repeating: 0, count: n * count)
        guard n > 0 else { return out }
        let context = CharacterContext(analysis, grammar: grammar)
        out.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                let v = context.values(at: i)
                let base = i * count
                let c0 = v.current
                out[base + 0] = key(0, 0)
                out[base + 1] = key(1, v.before2)
                out[base + 2] = key(2, v.before1)
                out[base + 3] = key(3, c0)
                out[base + 4] = key(4, v.after1)
                out[base + 5] = key(5, v.after2)
                out[base + 6] = key(6, v.before1, c0)
                out[base + 7] = key(7, c0, v.after1)
                out[base + 8] = key(8, v.before2, v.before1)
                out[base + 9] = key(9, v.after1, v.after2)
                out[base + 10] = key(10, v.before1, v.after1)
                out[base + 11] = key(11, v.position, v.length)
                out[base + 12] = key(12, v.tag, v.position)
                out[base + 13] = key(13, v.wordHash, v.position)
                out[base + 14] = key(14, v.previousHash, v.position)
                out[base + 15] = key(15, v.nextHash, v.position)
                out[base + 16] = key(16, v.previousTag, v.position)
                out[base + 17] = key(17, v.nextTag, v.position)
                out[base + 18] = key(18, v.placeMark, v.position)
                out[base + 19] = key(19, v.surname, v.position &* 8 &+ v.length)
                out[base + 20] = v.compound == 0 ? 0 : key(20, v.compound)
                out[base + 21] = key(21, v.transliteration, v.tag)
                out[base + 22] = key(22, v.organizationDistance, v.organizationSuffixPosition)
                out[base + 23] = key(23, v.roleDistance, v.surname)
                out[base + 24] = key(24, v.placeSuffix, v.position)
                out[base + 25] = key(25, v.kinds)
                out[base + 26] = key(26, c0, v.position)
                out[base + 27] = key(27, v.tag, v.length)
                out[base + 28] = key(28, v.placeMark, v.organizationDistance)
                out[base + 29] = key(29, v.personWordMark, v.position)
                out[base + 30] = key(30, v.placeWordMark, v.position)
                out[base + 31] = key(31, v.organizationWordMark, v.position)
                out[base + 32] = key(32, v.longestStarting, v.longestEnding)
                out[base + 33] = key(33, v.before1, c0 << 32 ^ v.after1)
            }
        }
        return out
    }

    /// Whether a scalar ends a clause for the distance features.
    @inline(__always)
    static func isBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x3002, 0xFF0C, 0x2C, 0x3001, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0xFF01, 0x21, 0xFF1F, 0x3F, 0x0A: return true
        default: return false
        }
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0) -> UInt64 {
        let k = mix(mix(template &* 0x1000_0000_01B3 ^ a) ^ b)
        return k == 0 ? 1 : k
    }

    static func hash(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for v in scalars { h = (h ^ UInt64(v)) &* 0x100_0000_01B3 }
        return h
    }
}
