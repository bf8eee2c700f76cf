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
        let scalars = analysis.scalars
        let n = scalars.count
        var out = [UInt64](repeating: 0, count: n * count)
        guard n > 0 else { return out }
        let words = analysis.words
        let wordHashes = words.map { hash(analysis.scalars[$0]) }
        // Per word: organisation suffix, place suffix, person role.
        var isOrgSuffix = [Bool](repeating: false, count: words.count)
        var isPlaceSuffix = [Bool](repeating: false, count: words.count)
        var isRole = [Bool](repeating: false, count: words.count)
        for (index, range) in words.enumerated() where range.count <= 6 {
            let word = scalars[range]
            isOrgSuffix[index] = grammar.organizationSuffixes.contains(word)
            isPlaceSuffix[index] = grammar.placeSuffixes.contains(word)
            isRole[index] = grammar.personRoles.contains(word)
        }
        // Distance (in scalars) to the start of the next organisation suffix word in the clause.
        var orgDistance = [UInt8](repeating: 0, count: n)
        var next = -1
        for i in stride(from: n - 1, through: 0, by: -1) {
            let w = Int(analysis.wordOf[i])
            if isBreak(scalars[i]) { next = -1 }
            if w >= 0, isOrgSuffix[w], words[w].lowerBound == i { next = i }
            if next >= 0 { orgDistance[i] = UInt8(min(next - i, 12) + 1) }
        }
        // Distance back to the end of the last person role word, up to 4 scalars.
        var roleDistance = [UInt8](repeating: 0, count: n)
        var lastRoleEnd = -100
        for i in 0..<n {
            let w = Int(analysis.wordOf[i])
            if i - lastRoleEnd < 4 && i >= lastRoleEnd { roleDistance[i] = UInt8(i - lastRoleEnd + 1) }
            if w >= 0, isRole[w], words[w].upperBound == i + 1 { lastRoleEnd = i + 1 }
        }
        @inline(__always) func char(_ i: Int) -> UInt64 {
            i < 0 ? 0x1_0000_0001 : i >= n ? 0x1_0000_0002 : UInt64(scalars[i])
        }
        @inline(__always) func kind(_ i: Int) -> UInt64 {
            guard i >= 0 && i < n else { return 0 }
            let v = scalars[i]
            if ScalarClass.isHan(v) { return 1 }
            if ScalarClass.isDigit(v) { return 2 }
            if ScalarClass.isLatin(v) { return 3 }
            if ScalarClass.isSpace(v) { return 4 }
            return 5
        }
        out.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
                let base = i * count
                let w = Int(analysis.wordOf[i])
                var position: UInt64 = 0
                var length: UInt64 = 0
                var tag: UInt64 = 0
                var wordHash: UInt64 = 0
                var previousHash: UInt64 = 1
                var nextHash: UInt64 = 2
                var previousTag: UInt64 = 100
                var nextTag: UInt64 = 101
                if w >= 0 {
                    let range = words[w]
                    length = UInt64(min(range.count, 6))
                    position =
                        range.count == 1 ? 4 : i == range.lowerBound ? 1 : i == range.upperBound - 1 ? 3 : 2
                    tag = UInt64(analysis.wordTags[w])
                    wordHash = wordHashes[w]
                    if w > 0 {
                        previousHash = wordHashes[w - 1]
                        previousTag = UInt64(analysis.wordTags[w - 1])
                    }
                    if w + 1 < words.count {
                        nextHash = wordHashes[w + 1]
                        nextTag = UInt64(analysis.wordTags[w + 1])
                    }
                }
                let c0 = char(i)
                out[base + 0] = key(0, 0)
                out[base + 1] = key(1, char(i - 2))
                out[base + 2] = key(2, char(i - 1))
                out[base + 3] = key(3, c0)
                out[base + 4] = key(4, char(i + 1))
                out[base + 5] = key(5, char(i + 2))
                out[base + 6] = key(6, char(i - 1), c0)
                out[base + 7] = key(7, c0, char(i + 1))
                out[base + 8] = key(8, char(i - 2), char(i - 1))
                out[base + 9] = key(9, char(i + 1), char(i + 2))
                out[base + 10] = key(10, char(i - 1), char(i + 1))
                out[base + 11] = key(11, position, length)
                out[base + 12] = key(12, tag, position)
                out[base + 13] = key(13, wordHash, position)
                out[base + 14] = key(14, previousHash, position)
                out[base + 15] = key(15, nextHash, position)
                out[base + 16] = key(16, previousTag, position)
                out[base + 17] = key(17, nextTag, position)
                out[base + 18] = key(18, UInt64(analysis.placeMark[i]), position)
                let surname = i < n && grammar.surnames.contains(scalars[i])
                out[base + 19] = key(19, surname ? 1 : 0, position &* 8 &+ length)
                var compound: UInt64 = 0
                if i + 1 < n, grammar.compoundSurnames.contains(scalars[i], scalars[i + 1]) { compound = 1 }
                if i > 0, grammar.compoundSurnames.contains(scalars[i - 1], scalars[i]) { compound = 2 }
                out[base + 20] = compound == 0 ? 0 : key(20, compound)
                func translit(_ j: Int) -> UInt64 { j >= 0 && j < n && grammar.transliteration.contains(scalars[j]) ? 1 : 0 }
                out[base + 21] = key(21, translit(i - 1) << 2 | translit(i) << 1 | translit(i + 1), tag)
                out[base + 22] = key(22, UInt64(orgDistance[i]), w >= 0 && isOrgSuffix[w] ? position : 0)
                out[base + 23] = key(23, UInt64(roleDistance[i]), surname ? 1 : 0)
                out[base + 24] = key(24, w >= 0 && isPlaceSuffix[w] ? 1 : 0, position)
                out[base + 25] = key(25, kind(i - 1) << 8 | kind(i) << 4 | kind(i + 1))
                out[base + 26] = key(26, c0, position)
                out[base + 27] = key(27, tag, length)
                out[base + 28] = key(28, UInt64(analysis.placeMark[i]), UInt64(orgDistance[i]))
                out[base + 29] = key(29, UInt64(analysis.personWordMark[i]), position)
                out[base + 30] = key(30, UInt64(analysis.placeWordMark[i]), position)
                out[base + 31] = key(31, UInt64(analysis.organizationWordMark[i]), position)
                out[base + 32] = key(32, UInt64(analysis.longestStarting[i]), UInt64(analysis.longestEnding[i]))
                out[base + 33] = key(33, char(i - 1), c0 << 32 ^ char(i + 1))
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
