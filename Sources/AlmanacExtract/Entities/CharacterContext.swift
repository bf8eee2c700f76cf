import AlmanacText

/// What ``CharacterFeatures`` reads at each scalar of a text, before it is hashed into feature
/// keys: the scalars around it, its word's position, length, tag and hash and those of the words
/// beside it, and the grammar-of-names marks. The key builder and the tagger's table lookups
/// (``EntityTagger/decode(_:grammar:)``) both read these, so they cannot disagree.
struct CharacterContext {
    /// The values at one scalar; each is the value a feature template hashes.
    struct Values {
        /// The scalars two before, one before, at, one after and two after (sentinels past the ends).
        var before2: UInt64
        var before1: UInt64
        var current: UInt64
        var after1: UInt64
        var after2: UInt64
        /// Where the scalar lies in its word: 0 no word, 1 begin, 2 inside, 3 end, 4 single.
        var position: UInt64
        /// The word's length, capped at 6 (0 no word).
        var length: UInt64
        /// The jieba tag codes of the word and the words before and after it (100 and 101 when none).
        var tag: UInt64
        var previousTag: UInt64
        var nextTag: UInt64
        /// Hashes of the word's scalars and of the words before and after it (1 and 2 when none).
        var wordHash: UInt64
        var previousHash: UInt64
        var nextHash: UInt64
        var placeMark: UInt64
        /// 1 when the scalar is a family name.
        var surname: UInt64
        /// 1 when a compound family name starts here, 2 when one ends here, else 0.
        var compound: UInt64
        /// Three bits: transliteration scalar before, at, after.
        var transliteration: UInt64
        /// Distance to the organisation suffix ahead (0 none, else 1 + min(distance, 12)).
        var organizationDistance: UInt64
        /// The position code when the word is itself an organisation suffix, else 0.
        var organizationSuffixPosition: UInt64
        /// Distance back to a person role's end (0 none, else 1…4).
        var roleDistance: UInt64
        /// 1 when the word is a place suffix.
        var placeSuffix: UInt64
        /// Scalar classes (0 outside the text, 1 Han, 2 digit, 3 Latin, 4 space, 5 other) before, at
        /// and after: `before << 8 | at << 4 | after`.
        var kinds: UInt64
        var personWordMark: UInt64
        var placeWordMark: UInt64
        var organizationWordMark: UInt64
        var longestStarting: UInt64
        var longestEnding: UInt64
    }

    static let startSentinel: UInt64 = 0x1_0000_0001
    static let endSentinel: UInt64 = 0x1_0000_0002

    let analysis: TextAnalysis
    let grammar: EntityGrammar
    /// For each word, ``WordKind`` bits: organisation suffix, place suffix, person role.
    private let wordKinds: [UInt8]
    /// For each scalar, its distances to the organisation suffix ahead and back to a person role,
    /// its class and marks and those of its neighbours (``ScalarReadings``).
    private let readings: [ScalarReadings]

    /// What a word is to the grammar of names, as bits of one byte (one array, not three of `Bool`).
    private enum WordKind {
        static let organizationSuffix: UInt8 = 1
        static let placeSuffix: UInt8 = 2
        static let personRole: UInt8 = 4
    }

    /// What is known of one scalar before its values are read, side by side in one array.
    private struct ScalarReadings {
        /// Distance (in scalars) to the start of the next organisation suffix word in the clause
        /// (0 none, else 1 + min(distance, 12)).
        var organizationDistance: UInt8 = 0
        /// Distance back to the end of the last person role word (0 none, else 1…4).
        var roleDistance: UInt8 = 0
        /// The scalar's class (bits 0–2: 1 Han, 2 digit, 3 Latin, 4 space, 5 other), whether it is
        /// a transliteration scalar (bit 3) and a family name (bit 4): worked out once a scalar
        /// where each position's values asked them of its neighbours too, three times a scalar.
        var traits: UInt8 = 0
        /// ``Values/transliteration``, ``Values/compound`` and ``Values/kinds`` at the scalar, put
        /// together from the traits of it and its neighbours in one pass over the text, so that the
        /// values of a position are read from one element.
        var transliteration: UInt8 = 0
        var compound: UInt8 = 0
        var kinds: UInt16 = 0
    }

    init(_ analysis: TextAnalysis, grammar: EntityGrammar) {
        self.analysis = analysis
        self.grammar = grammar
        let scalars = analysis.scalars
        let n = scalars.count
        let words = analysis.words
        let wordHashes = analysis.wordHashes
        // Per word: organisation suffix, place suffix, person role (looked up by the hash at hand).
        var kinds = [UInt8](filling: 0, count: words.count)
        for (index, range) in words.enumerated() where range.count <= 6 {
            let word = scalars[range]
            let hash = wordHashes[index]
            var kind: UInt8 = 0
            if grammar.organizationSuffixes.contains(word, hash: hash) { kind |= WordKind.organizationSuffix }
            if grammar.placeSuffixes.contains(word, hash: hash) { kind |= WordKind.placeSuffix }
            if grammar.personRoles.contains(word, hash: hash) { kind |= WordKind.personRole }
            kinds[index] = kind
        }
        var readings = [ScalarReadings](filling: ScalarReadings(), count: n)
        // Written through a buffer: an array made by `Array(filling:count:)` is not known to be unique,
        // and every subscript write would check.
        readings.withUnsafeMutableBufferPointer { readings in
            for i in 0..<n {
                let v = scalars[i]
                let kind: UInt8 =
                    ScalarClass.isHan(v)
                    ? 1
                    : ScalarClass.isDigit(v)
                        ? 2
                        : ScalarClass.isLatin(v)
                            ? 3
                            : ScalarClass.isSpace(v) ? 4 : 5
                let transliteration: UInt8 = grammar.transliteration.contains(v) ? 1 << 3 : 0
                let surname: UInt8 = grammar.surnames.contains(v) ? 1 << 4 : 0
                readings[i].traits = kind | transliteration | surname
            }
            // What a position reads of the scalars beside it (0 beyond the text).
            @inline(__always) func kind(_ j: Int) -> UInt16 { j >= 0 && j < n ? UInt16(readings[j].traits & 7) : 0 }
            @inline(__always) func translit(_ j: Int) -> UInt8 { j >= 0 && j < n ? readings[j].traits >> 3 & 1 : 0 }
            for i in 0..<n {
                readings[i].kinds = kind(i - 1) << 8 | kind(i) << 4 | kind(i + 1)
                readings[i].transliteration = translit(i - 1) << 2 | translit(i) << 1 | translit(i + 1)
                if i + 1 < n, grammar.compoundFirsts.contains(scalars[i]),
                    grammar.compoundSurnames.contains(scalars[i], scalars[i + 1])
                {
                    readings[i].compound = 1
                }
                if i > 0, grammar.compoundSeconds.contains(scalars[i]),
                    grammar.compoundSurnames.contains(scalars[i - 1], scalars[i])
                {
                    readings[i].compound = 2
                }
            }
            // Distance (in scalars) to the start of the next organisation suffix word in the clause.
            var next = -1
            for i in stride(from: n - 1, through: 0, by: -1) {
                let w = Int(analysis.wordOf[i])
                if CharacterFeatures.isBreak(scalars[i]) { next = -1 }
                if w >= 0, kinds[w] & WordKind.organizationSuffix != 0, words[w].lowerBound == i { next = i }
                if next >= 0 { readings[i].organizationDistance = UInt8(min(next - i, 12) + 1) }
            }
            // Distance back to the end of the last person role word, up to 4 scalars.
            var lastRoleEnd = -100
            for i in 0..<n {
                let w = Int(analysis.wordOf[i])
                if i - lastRoleEnd < 4 && i >= lastRoleEnd { readings[i].roleDistance = UInt8(i - lastRoleEnd + 1) }
                if w >= 0, kinds[w] & WordKind.personRole != 0, words[w].upperBound == i + 1 { lastRoleEnd = i + 1 }
            }
        }
        self.wordKinds = kinds
        self.readings = readings
    }

    /// The values at scalar `i`.
    @inline(__always)
    func values(at i: Int) -> Values {
        let scalars = analysis.scalars
        let n = scalars.count
        @inline(__always) func char(_ i: Int) -> UInt64 {
            i < 0 ? Self.startSentinel : i >= n ? Self.endSentinel : UInt64(scalars[i])
        }
        let words = analysis.words
        let wordHashes = analysis.wordHashes
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
            position = range.count == 1 ? 4 : i == range.lowerBound ? 1 : i == range.upperBound - 1 ? 3 : 2
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
        let reading = readings[i]
        let marks = analysis.marks[i]
        return Values(
            before2: char(i - 2), before1: char(i - 1), current: char(i), after1: char(i + 1), after2: char(i + 2),
            position: position, length: length, tag: tag, previousTag: previousTag, nextTag: nextTag,
            wordHash: wordHash, previousHash: previousHash, nextHash: nextHash,
            placeMark: UInt64(marks.place),
            surname: UInt64(reading.traits >> 4 & 1),
            compound: UInt64(reading.compound),
            transliteration: UInt64(reading.transliteration),
            organizationDistance: UInt64(reading.organizationDistance),
            organizationSuffixPosition: w >= 0 && wordKinds[w] & WordKind.organizationSuffix != 0 ? position : 0,
            roleDistance: UInt64(reading.roleDistance),
            placeSuffix: w >= 0 && wordKinds[w] & WordKind.placeSuffix != 0 ? 1 : 0,
            kinds: UInt64(reading.kinds),
            personWordMark: UInt64(marks.personWord),
            placeWordMark: UInt64(marks.placeWord),
            organizationWordMark: UInt64(marks.organizationWord),
            longestStarting: UInt64(marks.longestStarting),
            longestEnding: UInt64(marks.longestEnding))
    }
}
