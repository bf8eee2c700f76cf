import AlmanacText

/// The closed word lists of ``EntityWords`` as sets of scalar sequences, with the lexicon and place
/// table they are read against: what the tagger's grammar features and the rules look words up in.
///
/// A final class of constants rather than a struct: every reader of a text (its ``CharacterContext``,
/// the rules, the short forms, the project finder) holds the grammar, and passing one reference costs
/// one retain where a struct of some thirty tables cost one a table, for every text.
final class EntityGrammar: Sendable {
    let segmenter: Segmenter
    let places: PlaceTable
    let organizationSuffixes: EntityWordSet
    let placeSuffixes: EntityWordSet
    let localPlaceSuffixes: EntityWordSet
    let personRoles: EntityWordSet
    let surnames: ScalarBitSet
    let compoundSurnames: EntityWordSet
    /// The first and second scalars of the compound surnames (most scalars are neither, and need no hashing).
    let compoundFirsts: ScalarBitSet
    let compoundSeconds: ScalarBitSet
    let transliteration: ScalarBitSet
    /// Suffixes after which a name is an organisation whatever the tagger says (company, bank, association …).
    let companySuffixes: EntityWordSet
    /// The local place suffixes, longest first, and their first scalars.
    let localPlaceSuffixesByLength: [[UInt32]]
    let localPlaceFirsts: ScalarBitSet
    /// Tag codes of words that cannot be inside a name (verbs, prepositions, conjunctions, particles …).
    let stopTags: TagCodeSet
    /// Tag codes that end a project's name going back (verbs other than nouns of action, prepositions …).
    let projectStopTags: TagCodeSet
    /// The stage words of a project, longest first.
    let projectStages: [[UInt32]]
    /// The roles of a byline, after which a name runs to what closes the byline.
    let bylineRoles = EntityWordSet(["记者", "通讯员", "实习生", "摄影", "撰文", "摄"])
    /// What closes a byline's name.
    let bylineClosers: [[UInt32]] = ["报道", "摄影", "摄", "通讯员", "记者", "整理", "文"].map(\.scalarValues)
    /// Numerals, 第 and 几: a word holding one is a count or an ordinal, not part of a name's head.
    let numeralScalars = ScalarBitSet("第几一二三四五六七八九十百千万亿两".unicodeScalars.map(\.value))
    /// Single characters that end a name's head going back (的, 和, 与, 在 …).
    let headStops: ScalarBitSet
    /// jieba tags of lexicon words, numbered: index into `tagCodes`.
    let tagCodes: [String: UInt32]
    /// The codes of m (numeral), q (measure word) and nr (person), looked up once: rules compare
    /// them word after word.
    let numeralTagCode: UInt32?
    let measureTagCode: UInt32?
    let personTagCode: UInt32?
    /// For each tag index of the lexicon, its code in `tagCodes` (99 for tags outside it).
    let tagCodeOfIndex: [UInt32]
    /// The lexicon's tag indices of nr (person), ns (place) and nt (organisation).
    let nameTagIndices: (person: Int, place: Int, organization: Int)

    init(segmenter: Segmenter, places: PlaceTable) {
        self.segmenter = segmenter
        self.places = places
        func set(_ words: [String]) -> EntityWordSet { EntityWordSet(words) }
        organizationSuffixes = set(EntityWords.organizationSuffixes)
        placeSuffixes = set(EntityWords.placeSuffixes)
        localPlaceSuffixes = set(EntityWords.localPlaceSuffixes)
        personRoles = set(EntityWords.personRoles)
        surnames = ScalarBitSet(EntityWords.surnames.unicodeScalars.map(\.value).filter { $0 > 0x7F })
        compoundSurnames = set(EntityWords.compoundSurnames)
        compoundFirsts = ScalarBitSet(EntityWords.compoundSurnames.compactMap { $0.unicodeScalars.first?.value })
        compoundSeconds = ScalarBitSet(
            EntityWords.compoundSurnames.compactMap { $0.unicodeScalars.dropFirst().first?.value })
        transliteration = ScalarBitSet(EntityWords.transliteration.unicodeScalars.map(\.value).filter { $0 > 0x7F })
        var codes: [String: UInt32] = [:]
        for (index, tag) in [
            "nr", "ns", "nt", "nz", "n", "v", "a", "d", "p", "c", "u", "m", "q", "f", "t", "r", "j", "nrt",
            "nrfg", "vn", "s", "b", "l", "i", "x", "eng", "ng", "ad", "an", "y", "z", "e", "o", "k", "h", "g", "tg",
        ]
        .enumerated() {
            codes[tag] = UInt32(index + 1)
        }
        tagCodes = codes
        numeralTagCode = codes["m"]
        measureTagCode = codes["q"]
        personTagCode = codes["nr"]
        companySuffixes = set(EntityWords.companySuffixes)
        localPlaceSuffixesByLength = EntityWords.localPlaceSuffixes.map(\.scalarValues).sorted { $0.count > $1.count }
        localPlaceFirsts = ScalarBitSet(localPlaceSuffixesByLength.map { $0[0] })
        stopTags = TagCodeSet(
            ["v", "p", "c", "u", "d", "r", "m", "q", "f", "t", "y", "e", "o", "ad", "l", "i", "x"].compactMap {
                codes[$0]
            })
        projectStopTags = TagCodeSet(
            ["v", "p", "c", "u", "d", "r", "f", "t", "y", "e", "o", "ad", "x"].compactMap { codes[$0] })
        projectStages = EntityWords.projectStages.map(\.scalarValues).sorted { $0.count > $1.count }
        headStops = ScalarBitSet("的和与及在是为对从向把被由于将并或等、".unicodeScalars.map(\.value))
        let names = segmenter.lexicon.tagNameList
        tagCodeOfIndex = names.map { codes[$0] ?? 99 }
        nameTagIndices = (
            names.firstIndex(of: "nr") ?? -1, names.firstIndex(of: "ns") ?? -1, names.firstIndex(of: "nt") ?? -1
        )
    }

    static func bundled() throws -> EntityGrammar {
        EntityGrammar(segmenter: try Segmenter.bundled(), places: try PlaceTable.bundled())
    }
}

/// What the grammar knows about one text, computed once and shared by the tagger and the rules.
struct TextAnalysis {
    /// The scalars, width folded.
    let scalars: [UInt32]
    /// The segmenter's words, covering every non-space scalar.
    let words: [Range<Int>]
    /// For each scalar, the index of its word in `words` (-1 for white space).
    let wordOf: [Int32]
    /// For each word, its jieba tag code (0 when the lexicon lacks the word).
    let wordTags: [UInt32]
    /// For each word, ``CharacterFeatures/hash(_:)`` of its scalars: the tagger's word features and
    /// the lookups in the grammar's word sets read it.
    let wordHashes: [UInt64]
    /// For each scalar, what the place table and the lexicon say of it (``ScalarMarks``).
    let marks: [ScalarMarks]

    /// What the place table and the lexicon say of one scalar: the byte-sized values the tagger
    /// reads at each position side by side, one array for a text where there were six (an
    /// allocation each, and six cache lines a position).
    struct ScalarMarks {
        /// The place-name match the scalar lies in: 0 none, else position code (1 begin, 2 inside,
        /// 3 end) for a Chinese division, 5, 6, 7 for a country.
        var place: UInt8 = 0
        /// Where the scalar lies in the longest lexicon word tagged nr, ns or nt covering it: 0 none,
        /// else position code as `place`; one value per tag.
        var personWord: UInt8 = 0
        var placeWord: UInt8 = 0
        var organizationWord: UInt8 = 0
        /// The length of the longest lexicon word starting and ending at the scalar (capped at 8).
        var longestStarting: UInt8 = 0
        var longestEnding: UInt8 = 0
    }

    init(_ raw: [UInt32], grammar: EntityGrammar) {
        let scalars = raw.map(ScalarClass.foldWidth)
        self.scalars = scalars
        // The lexicon words the cut's walks down the trie found at each scalar: read below instead
        // of walking the trie again.
        var wordStarts: [LexiconWordStarts] = []
        let words = grammar.segmenter.wordRanges(inWidthFolded: scalars, wordStarts: &wordStarts)
        self.words = words
        wordHashes = words.map { CharacterFeatures.hash(scalars[$0]) }
        var wordOf = [Int32](filling: -1, count: scalars.count)
        var tags = [UInt32](filling: 0, count: words.count)
        let lexicon = grammar.segmenter.lexicon
        let n = scalars.count
        var marks = [ScalarMarks](filling: ScalarMarks(), count: n)
        var wordIndex = 0
        let (person, place, organization) = grammar.nameTagIndices
        // Written through buffers: an array made by `Array(filling:count:)` is not known to be unique,
        // and every subscript write would check.
        wordOf.withUnsafeMutableBufferPointer { wordOf in
            marks.withUnsafeMutableBufferPointer { marks in
                /// Marks the positions of a word of `length` at `start` in the lane `field` picks
                /// (0 person, 1 place, 2 organisation) unless a longer word before marked its start.
                @inline(__always) func mark(_ field: Int, _ start: Int, _ length: Int) {
                    guard length >= 2 else { return }
                    @inline(__always) func value(_ at: Int) -> UInt8 {
                        field == 0
                            ? marks[at].personWord : field == 1 ? marks[at].placeWord : marks[at].organizationWord
                    }
                    guard value(start) == 0 else { return }
                    for offset in 0..<length where value(start + offset) == 0 {
                        let code: UInt8 = offset == 0 ? 1 : offset == length - 1 ? 3 : 2
                        switch field {
                        case 0: marks[start + offset].personWord = code
                        case 1: marks[start + offset].placeWord = code
                        default: marks[start + offset].organizationWord = code
                        }
                    }
                }
                for i in 0..<n {
                    // The lexicon words starting here (none but at a Han scalar), up to 8 scalars long.
                    var starts = LexiconWordStarts()
                    var longestPerson = 0
                    var longestPlace = 0
                    var longestOrganization = 0
                    if ScalarClass.isHan(scalars[i]) {
                        starts = wordStarts[i]
                        if !starts.isComplete { starts = lexicon.wordStarts(at: i, in: scalars) }
                        // Shortest first, as a walk down the trie finds them.
                        var lengths = starts.lengths
                        while lengths != 0 {
                            let length = lengths.trailingZeroBitCount
                            lengths &= lengths - 1
                            let tag = starts.tagIndex(ofLength: length)
                            marks[i].longestStarting = UInt8(length)
                            let end = i + length - 1
                            if marks[end].longestEnding < length { marks[end].longestEnding = UInt8(length) }
                            if tag == person { longestPerson = length }
                            if tag == place { longestPlace = length }
                            if tag == organization { longestOrganization = length }
                        }
                    }
                    mark(0, i, longestPerson)
                    mark(1, i, longestPlace)
                    mark(2, i, longestOrganization)
                    while wordIndex < words.count && words[wordIndex].lowerBound < i { wordIndex += 1 }
                    if wordIndex < words.count && words[wordIndex].lowerBound == i {
                        let range = words[wordIndex]
                        for position in range { wordOf[position] = Int32(wordIndex) }
                        if starts.contains(length: range.count) {
                            let tag = starts.tagIndex(ofLength: range.count)
                            let codes = grammar.tagCodeOfIndex
                            tags[wordIndex] = tag < codes.count ? codes[tag] : 99
                        }
                    }
                }
                var index = 0
                while index < n {
                    let (length, country) =
                        ScalarClass.isHan(scalars[index]) ? grammar.places.match(in: scalars, at: index) : (0, false)
                    if length >= 2 {
                        let shift: UInt8 = country ? 4 : 0
                        marks[index].place = 1 + shift
                        for offset in 1..<length {
                            marks[index + offset].place = (offset == length - 1 ? 3 : 2) + shift
                        }
                        index += length
                    } else {
                        index += 1
                    }
                }
            }
        }
        self.marks = marks
        self.wordOf = wordOf
        self.wordTags = tags
    }

    /// The scalars of word `index`.
    func word(_ index: Int) -> ArraySlice<UInt32> { scalars[words[index]] }
}

/// A set of words looked up by a hash of their scalars, so a lookup allocates nothing: the hashes
/// sit in a ``KeyTable``.
struct EntityWordSet: Sendable {
    /// The words' hashes (``KeyTable``; a zero hash is kept as 1).
    private let table: KeyTable
    /// The last scalars of the words, folded into 1,024 bits (no false negatives): most words of a
    /// text end in no member's last scalar and are answered without hashing.
    private let lasts: [UInt64]

    init(_ words: [String]) {
        var lasts = [UInt64](repeating: 0, count: 16)
        for word in words {
            guard let last = word.unicodeScalars.last?.value else { continue }
            lasts[Int(last >> 6) & 15] |= 1 << UInt64(last & 63)
        }
        self.lasts = lasts
        table = KeyTable(Set(words.map { Self.nonZero(CharacterFeatures.hash($0.scalarValues[...])) }))
    }

    @inline(__always)
    private static func nonZero(_ h: UInt64) -> UInt64 { h == 0 ? 1 : h }

    @inline(__always)
    private func contains(hash: UInt64) -> Bool {
        table.contains(Self.nonZero(hash))
    }

    func contains(_ scalars: ArraySlice<UInt32>) -> Bool {
        mayContain(lastOf: scalars) && contains(hash: CharacterFeatures.hash(scalars))
    }

    /// ``contains(_:)`` of a word whose ``CharacterFeatures/hash(_:)`` is at hand.
    func contains(_ scalars: ArraySlice<UInt32>, hash: UInt64) -> Bool {
        mayContain(lastOf: scalars) && contains(hash: hash)
    }

    /// False when no member ends in the word's last scalar.
    @inline(__always)
    private func mayContain(lastOf scalars: ArraySlice<UInt32>) -> Bool {
        guard let last = scalars.last else { return true }
        return lasts[Int(last >> 6) & 15] & (1 << UInt64(last & 63)) != 0
    }

    func contains(_ first: UInt32, _ second: UInt32) -> Bool {
        guard lasts[Int(second >> 6) & 15] & (1 << UInt64(second & 63)) != 0 else { return false }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        h = (h ^ UInt64(first)) &* 0x100_0000_01B3
        h = (h ^ UInt64(second)) &* 0x100_0000_01B3
        return contains(hash: h)
    }
}

/// A set of scalars of the Basic Multilingual Plane as a bit map (8 KB): a lookup is one load and no
/// hashing. Scalars above U+FFFF are never members.
struct ScalarBitSet: Sendable {
    private let bits: [UInt64]

    init(_ members: some Sequence<UInt32>) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in members where v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        self.bits = bits
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        value < 0x10000 && bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}

/// Pairs of scalars hashed into a 64 Ki-bit map: `mayContain` has no false negatives and answers
/// most pairs outside the set with one load.
struct ScalarPairFilter: Sendable {
    private let bits: [UInt64]

    init(_ pairs: some Sequence<(UInt32, UInt32)>) {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for (first, second) in pairs {
            let bit = Self.bit(first, second)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.bits = bits
    }

    @inline(__always)
    private static func bit(_ first: UInt32, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(first) << 21 ^ UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    @inline(__always)
    func mayContain(_ first: UInt32, _ second: UInt32) -> Bool {
        let bit = Self.bit(first, second)
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}

/// A set of jieba tag codes (below 128) as a bit mask: a lookup is a shift and no hashing.
struct TagCodeSet: Sendable {
    private let low: UInt64
    private let high: UInt64

    init(_ codes: some Sequence<UInt32>) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for code in codes {
            precondition(code < 128, "tag codes are below 128")
            if code < 64 { low |= 1 << UInt64(code) } else { high |= 1 << UInt64(code - 64) }
        }
        self.low = low
        self.high = high
    }

    @inline(__always)
    func contains(_ code: UInt32) -> Bool {
        code < 64 ? low & (1 << UInt64(code)) != 0 : code < 128 && high & (1 << UInt64(code - 64)) != 0
    }
}
