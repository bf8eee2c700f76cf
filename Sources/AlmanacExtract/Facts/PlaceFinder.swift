import AlmanacText

/// Finds place names by the grammar of Chinese administrative names: a name stem and a suffix
/// (省 市 县 区 镇 乡 村 旗 街道), `全省`/`全市`/`全国`…, and, once a text has named a place in full,
/// its bare stem (`岚江市` … `岚江`).
///
/// Stems are checked against the lexicon (a word tagged `ns`, or a stem that is no other word), never
/// against a list of places.
struct PlaceFinder: Sendable {
    let lexicon: Lexicon?
    /// What the rules ask of each lexicon tag, by its index in the lexicon's tag list, worked out
    /// once a tag rather than by comparing its name word after word.
    private let tagClasses: [TagClass]

    init(lexicon: Lexicon?) {
        self.lexicon = lexicon
        tagClasses = (lexicon?.tagNameList ?? []).map(TagClass.init)
    }

    private struct TagClass: Sendable {
        /// The tag is ns.
        let isPlace: Bool
        /// ns…, nr…, nz… or nt… (a name, not a common word).
        let isName: Bool
        /// n… other than nr (a noun a village may be named with).
        let isNounNotPerson: Bool

        init(_ tag: String) {
            isPlace = tag == "ns"
            isName = tag.hasPrefix("ns") || tag.hasPrefix("nr") || tag.hasPrefix("nz") || tag.hasPrefix("nt")
            isNounNotPerson = tag.hasPrefix("n") && tag != "nr"
        }
    }

    /// The class of the lexicon's tag of `word`, or `nil` when the lexicon lacks it.
    private func tagClass(of word: ArraySlice<UInt32>) -> TagClass? {
        lexicon?.tagIndex(ofScalars: word).map { tagClasses[$0] }
    }

    /// The place mentions of `scalars`, left to right.
    ///
    /// `knownStems` are stems of places named in full elsewhere (another part of the article).
    func places(in scalars: [UInt32], knownStems: Set<[UInt32]> = []) -> [Span] {
        mentions(in: scalars, knownStems: knownStems).places
    }

    /// The places of `scalars` and, apart, the places that begin an organization's or an event's name
    /// (岚江市总工会, 岚江市招商推介会): where such a name opens a clause, the organization is its subject.
    func mentions(in scalars: [UInt32], knownStems: Set<[UInt32]> = []) -> (places: [Span], organizations: [Span]) {
        mentions(in: scalars, reading: reading(of: scalars), knownStems: knownStems)
    }

    /// ``mentions(in:knownStems:)`` from the text's first reading already made (``reading(of:)``),
    /// which may be that of a longer text holding `scalars` at offset `reading.shift` (an article whose
    /// parts are joined by line breaks: no such place runs across a line break, and each reads the same
    /// in a part as in the whole).
    ///
    /// With `forStems`, for ``stems(in:)`` alone: the spans' texts stay empty and only the places a
    /// stem can come from are kept (a name in full whose last scalar is a suffix), so nothing is made
    /// for the others — the text is read for stems three times a page (the page, each article whole),
    /// and every span found takes part in where later rules look.
    func mentions(
        in scalars: [UInt32], reading: Reading, knownStems: Set<[UInt32]>, forStems: Bool = false
    ) -> (places: [Span], organizations: [Span]) {
        // A span's text, or nothing when only its range is read.
        func text(_ range: Range<Int>) -> String { forStems ? "" : String(scalarValues: scalars[range]) }
        var found: [Span] = []
        // Sized for the suffix places and as many again found by the later rules: grown from empty,
        // it was reallocated four or five times a text.
        found.reserveCapacity(2 * reading.suffixPlaces.count + 4)
        // The stems named in full here, each with its suffix's scalar (the last one named wins); the
        // known stems are read beside them, not copied in (each copy hashed an array).
        var stems: [[UInt32]: UInt32] = [:]
        let shift = reading.shift
        for place in reading.suffixPlaces {
            let range = (place.range.lowerBound - shift)..<(place.range.upperBound - shift)
            found.append(Span(range: range, text: text(range)))
            if let stem = place.stem {
                stems[Array(scalars[(stem.lowerBound - shift)..<(stem.upperBound - shift)])] = place.suffix
            }
        }
        // What the spans found so far cover, marked once for both later rules (each marked its own).
        var taken = [Bool](filling: false, count: scalars.count + 1)
        for span in found { for offset in span.range { taken[offset] = true } }
        if !stems.isEmpty || !knownStems.isEmpty {
            appendBareStems(stems, knownStems, in: scalars, taken: &taken, to: &found, text: text)
        }
        appendClauseOpeningPlaces(
            in: scalars, tailStarts: reading.tailStarts, shift: shift, taken: taken, to: &found, text: text)
        appendLandmarks(
            in: scalars, landmarkStarts: reading.landmarkStarts, shift: shift, to: &found, onlyScenicAreas: forStems,
            text: text)
        if forStems { found.removeAll { !isFullName($0.range, in: scalars) } }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var places: [Span] = []
        // Sized once (most spans are places): grown span by span it was an allocation a step.
        places.reserveCapacity(found.count)
        var organizations: [Span] = []
        for span in found {
            if startsOrganizationName(scalars, after: span.range.upperBound) {
                organizations.append(span)
            } else {
                places.append(span)
            }
        }
        return (places, organizations)
    }

    /// Place names the lexicon knows (tag `ns`) that name a port, customs or zone (岚江港, 岚江海关),
    /// appended to `found`; `taken` marks what earlier rules found, `tailStarts` (less `shift`) where
    /// the scalars stand that open a tail.
    private func appendClauseOpeningPlaces(
        in scalars: [UInt32], tailStarts: ArraySlice<Int>, shift: Int, taken: [Bool], to found: inout [Span],
        text: (Range<Int>) -> String
    ) {
        guard lexicon != nil else { return }
        // Read once, not at each candidate (a global's every read is a once-check).
        let institutionTails = Self.institutionTails
        let tailStartSet = Self.tailStarts
        // A name starts two or three scalars before a tail's first scalar: those starts are tried left
        // to right, as when every scalar was tested for a tail two or three after it. `index` is where
        // the next name may start (past the last one found).
        var index = 0
        for offset in tailStarts where offset - shift >= 2 {
            let tailStart = offset - shift
            index = max(index, tailStart - 3)
            while index <= tailStart - 2 {
                if let matched = clauseOpeningPlace(
                    at: index, in: scalars, taken: taken, tails: institutionTails, tailStarts: tailStartSet)
                {
                    found.append(Span(range: matched, text: text(matched)))
                    index = matched.upperBound
                } else {
                    index += 1
                }
            }
        }
    }

    /// The place of ``appendClauseOpeningPlaces(in:tailStarts:shift:taken:to:text:)`` starting at `index`, if any: a
    /// stem of three scalars, then two, followed by one of `tails`, each of which opens with one of
    /// `tailStarts` (the caller's copies of ``institutionTails`` and ``tailStarts``).
    private func clauseOpeningPlace(
        at index: Int, in scalars: [UInt32], taken: [Bool], tails: [[UInt32]], tailStarts: ScalarSet
    ) -> Range<Int>? {
        guard ScalarClass.isHan(scalars[index]), !taken[index] else { return nil }
        // Three scalars, then two (a literal array of lengths was made at each candidate).
        var length = 3
        while length >= 2 {
            defer { length -= 1 }
            guard index + length <= scalars.count else { continue }
            var end = index + length
            // A tail opens with one of `tailStarts`: tested before the tails are matched one by one.
            guard end < scalars.count, tailStarts.contains(scalars[end]) else { continue }
            var hasTail = false
            for tail in tails where Scalars.matches(tail, in: scalars, at: end) {
                end += tail.count
                hasTail = true
                break
            }
            guard hasTail else { continue }
            // Read in place (an array was made of each candidate word).
            let word = scalars[index..<index + length]
            // A stem holds no function word: 南至 and 北至 (a road's ends) are tagged as places too.
            guard isStem(word), isPlaceWord(word) else { continue }
            if end < scalars.count, Self.suffixes.contains(scalars[end]) { return nil }
            // A bare lexicon place name only with a tail: 新建 or 北至 open clauses as verbs too.
            return index..<end
        }
        return nil
    }

    /// Parks, squares and scenic areas named by a two-character stem at a word boundary (青峰公园),
    /// appended to `found`; with `onlyScenicAreas`, those ending in 景区 alone (the only suffix that
    /// is a place suffix: one match never overlaps where another could start, so the rest change
    /// nothing of these). `landmarkStarts` (less `shift`) are where the scalars stand that open a suffix.
    private func appendLandmarks(
        in scalars: [UInt32], landmarkStarts: ArraySlice<Int>, shift: Int, to found: inout [Span],
        onlyScenicAreas: Bool, text: (Range<Int>) -> String
    ) {
        let scenicStarts = Self.scenicStarts
        // Where the next landmark may end its stem (past the last one found).
        var next = 2
        for offset in landmarkStarts {
            let index = offset - shift
            guard index >= next, index + 1 < scalars.count, !onlyScenicAreas || scenicStarts.contains(scalars[index])
            else { continue }
            var matched: Range<Int>?
            for suffix in Self.landmarkSuffixes where Scalars.matches(suffix, in: scalars, at: index) {
                let start = index - 2
                guard isStem(scalars[start..<index]), start == 0 || isBoundary(scalars[start - 1]),
                    !isCommonWord(scalars[start..<index])
                else { break }
                matched = start..<index + suffix.count
                break
            }
            if let matched {
                found.append(Span(range: matched, text: text(matched)))
                next = matched.upperBound
            }
        }
    }

    /// The stems of the places `scalars` names in full (岚江 of 岚江市), for reading bare stems elsewhere.
    func stems(in scalars: [UInt32]) -> Set<[UInt32]> {
        stems(in: scalars, reading: reading(of: scalars))
    }

    /// ``stems(in:)`` from the text's first reading, already made (``reading(of:)``).
    func stems(in scalars: [UInt32], reading: Reading) -> Set<[UInt32]> {
        var stems: Set<[UInt32]> = []
        // A place's text is its range's scalars (every span is made so): read them there, not decoded back.
        for span in mentions(in: scalars, reading: reading, knownStems: [], forStems: true)
            .places
        {
            stems.insert(Array(scalars[span.range].dropLast()))
        }
        return stems
    }

    /// Whether the scalars of `range` name a place in full, whose stem ``stems(in:)`` gives: three
    /// scalars or more ending in a suffix that is not a village's, town's or street's, not 全省/全市.
    private func isFullName(_ range: Range<Int>, in scalars: [UInt32]) -> Bool {
        guard range.count >= 3 else { return false }
        let last = scalars[range.upperBound - 1]
        return Self.suffixes.contains(last) && !Self.localSuffixes.contains(last)
            && scalars[range.lowerBound] != 0x5168  // 全
    }

    /// Whether the place begins an organization's name (岚江市总工会, 岚江市科学技术研究院): then the
    /// organization, not the place, is what the sentence is about.
    private func startsOrganizationName(_ scalars: [UInt32], after end: Int) -> Bool {
        let nameBreaks = Self.nameBreaks
        let breakStarts = Self.nameBreakStarts
        let suffixEnds = Self.organizationSuffixEnds
        let suffixesByEnd = Self.organizationSuffixesByEnd
        var index = end
        while index < scalars.count, index - end < 18, ScalarClass.isHan(scalars[index]),
            !nameBreaks.contains(scalars[index]),
            !breakStarts.contains(scalars[index])
                || !Self.nameBreakWords.contains(where: { Scalars.matches($0, in: scalars, at: index) })
        {
            index += 1
            guard suffixEnds.contains(scalars[index - 1]) else { continue }
            for suffix in suffixesByEnd[scalars[index - 1], default: []]
            where Scalars.matches(suffix, in: scalars, endingAt: index) {
                return true
            }
        }
        return false
    }

    // MARK: - Stems

    /// Where the name ending in the suffix at `suffixAt` begins, or `nil` when no name ends there.
    func stemStart(in scalars: [UInt32], suffixAt: Int, suffix: ArraySlice<UInt32>) -> Int? {
        if let first = suffix.first, Self.localSuffixes.contains(first) {
            // Villages, towns and streets are often named with numerals (五台子村, 七里河村).
            var start = suffixAt
            while start > 0, suffixAt - start < 4, ScalarClass.isHan(scalars[start - 1]),
                !Self.nonStem.contains(scalars[start - 1]) || Self.numerals.contains(scalars[start - 1])
            {
                start -= 1
            }
            // The name ends in the suffix: 北镇市 is a city, not a town called 北.
            let after = suffixAt + suffix.count
            if after < scalars.count, Self.suffixes.contains(scalars[after]) { return nil }
            if suffixAt - start >= 2 {
                let stem = scalars[start..<suffixAt]
                let name = scalars[start..<after]
                // 七里河村: a stem the lexicon knows as a place names the village after it.
                if isPlaceWord(name) || isPlaceWord(stem) { return start }
                // The lexicon is asked through the optional, not bound: a bound copy retained (and
                // released) each of its buffers, at every suffix a text holds.
                guard lexicon != nil else { return start }
                if lexicon?.contains(scalars: name) == true { return nil }
                // 农村, 乡村: the last stem character and the suffix make a common word.
                if suffix.count == 1, lexicon?.contains(scalars: scalars[(suffixAt - 1)...suffixAt]) == true {
                    return nil
                }
                // 示范村, 清理村: a verb or an adjective is no village name.
                if let tag = tagClass(of: scalars[(suffixAt - 2)..<suffixAt]), !tag.isNounNotPerson {
                    return nil
                }
                return start
            }
        }
        for length in [4, 3, 2, 1] {
            if length == 1, let first = suffix.first, !Self.singleStemSuffixes.contains(first) { continue }
            let start = suffixAt - length
            guard start >= 0, isStem(scalars[start..<suffixAt]) else { continue }
            if isPlaceWord(scalars[start..<suffixAt + suffix.count])
                || (length >= 2 && isPlaceWord(scalars[start..<suffixAt]))
            {
                return start
            }
        }
        // An unknown two-character stem (岚江市) that is no other word and makes no common compound.
        let start = suffixAt - 2
        guard start >= 0, isStem(scalars[start..<suffixAt]) else { return nil }
        let stem = scalars[start..<suffixAt]
        if lexicon?.contains(scalars: stem) == true, tagClass(of: stem)?.isPlace != true { return nil }
        // The stem's last scalar and the suffix, read where they stand (the suffix is `scalars[suffixAt…]`).
        let pair = scalars[(suffixAt - 1)..<(suffixAt + suffix.count)]
        if lexicon?.contains(scalars: pair) == true { return nil }  // 城市 地区 社区 上市
        // 110家岚江市企业: a measure word after a number ends the word before the name.
        let afterCount = start >= 2 && ScalarClass.isDigit(scalars[start - 2])
        if start > 0, !isBoundary(scalars[start - 1]), !afterCount { return nil }
        return start
    }

    /// Whether the lexicon knows `word` as a common noun, verb or adjective (口袋公园, 文化广场 are kinds
    /// of park and square, not names).
    private func isCommonWord(_ word: ArraySlice<UInt32>) -> Bool {
        guard let tag = tagClass(of: word) else { return false }
        return !tag.isName
    }

    /// Whether the lexicon knows `word` as a place name.
    private func isPlaceWord(_ word: ArraySlice<UInt32>) -> Bool {
        tagClass(of: word)?.isPlace == true
    }

    /// Whether the scalars can make a place stem: Han characters, no function words or numerals.
    private func isStem(_ scalars: ArraySlice<UInt32>) -> Bool {
        scalars.allSatisfy { ScalarClass.isHan($0) && !Self.nonStem.contains($0) }
    }

    /// Whether a scalar may stand before a place name (punctuation, a function word, a digit, the start).
    private func isBoundary(_ value: UInt32) -> Bool {
        !ScalarClass.isHan(value) || Self.nonStem.contains(value) || Self.boundaryWords.contains(value)
    }

    /// Occurrences of stems without their suffix (岚江港, 岚江经济), appended to `found` and marked in
    /// `taken`: those of `stems` (named in full here, with their suffix's scalar) and of `knownStems`.
    private func appendBareStems(
        _ stems: [[UInt32]: UInt32], _ knownStems: Set<[UInt32]>, in scalars: [UInt32], taken: inout [Bool],
        to found: inout [Span], text: (Range<Int>) -> String
    ) {
        // The stems' first scalars folded into 256 bits by their low byte, a filter with no false
        // negatives before the stems are matched (a ``ScalarSet`` was 8 KB to clear for each text; 64
        // bits let a third of a text's characters through once a page's stems were known). Four words
        // of an array, not a `SIMD4`: indexed by a variable, the vector was copied to the stack at
        // every scalar tested.
        var firsts = [UInt64](filling: 0, count: 4)
        var candidates: [[UInt32]] = []
        candidates.reserveCapacity(stems.count + knownStems.count)
        for stem in stems.keys {
            if let first = stem.first { firsts[Int(first >> 6 & 3)] |= 1 << UInt64(first & 63) }
            candidates.append(stem)
        }
        for stem in knownStems where stems[stem] == nil {
            if let first = stem.first { firsts[Int(first >> 6 & 3)] |= 1 << UInt64(first & 63) }
            candidates.append(stem)
        }
        // Longest first, so where two stems start at one place (one the start of the other) the
        // longer is taken, whatever order the dictionary keeps its keys in (it differs by process).
        candidates.sort { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
        var index = 0
        while index < scalars.count {
            guard firsts[Int(scalars[index] >> 6 & 3)] & (1 << UInt64(scalars[index] & 63)) != 0, !taken[index],
                index == 0 || isBoundary(scalars[index - 1]),
                let stem = candidates.first(where: { Scalars.matches($0, in: scalars, at: index) })
            else {
                index += 1
                continue
            }
            var end = index + stem.count
            // 鹤溪市民营经济: the full name, though its suffix runs into a word (市民).
            if let suffix = stems[stem], end < scalars.count, scalars[end] == suffix {
                end += 1
            }
            for tail in Self.institutionTails where Scalars.matches(tail, in: scalars, at: end) {
                end += tail.count
                break
            }
            found.append(Span(range: index..<end, text: text(index..<end)))
            // Marked for the rules after this one (this one never looks back inside a span it took).
            for offset in index..<end { taken[offset] = true }
            index = end
        }
    }

    // MARK: - Tables

    static let suffixes = Scalars.set("省市县区镇乡村旗")
    static let nameBreaks = Scalars.set("的在对和与及从向把被将为是了共已")
    /// Verbs and adverbs that end a name: what follows them is the sentence (岚江市累计举办招聘会).
    static let nameBreakWords: [[UInt32]] = [
        "举办", "举行", "开展", "召开", "累计", "组织", "参加", "全力", "积极", "推进", "成功", "正在", "今年", "上半年",
    ].map(\.scalarValues)
    static let organizationSuffixes: [[UInt32]] = [
        "工会", "研究院", "研究所", "学院", "大学", "中学", "小学", "医院", "公司", "集团", "委员会", "管理局", "局", "厅",
        "中心", "协会", "商会", "银行", "储备库", "联合会", "办公室", "办事处", "法院", "检察院", "政府", "党委", "学校",
        "馆", "站",
        // Events named after their place (岚江市招商推介会, 岚江书画展).
        "对接会", "洽谈会", "博览会", "交易会", "推介会", "招聘会", "展销会", "运动会", "展览会", "座谈会", "发布会",
        "大会", "论坛", "峰会", "大赛", "联赛", "书画展", "摄影展", "展览", "文化节", "旅游节", "艺术节",
    ].map(\.scalarValues)
    static let organizationSuffixEnds = ScalarSet(values: organizationSuffixes.compactMap(\.last))
    /// `organizationSuffixes` by their last scalar: a name's scalar that ends one (会, 院, 心) is
    /// matched against the few ending in it, not against every suffix.
    static let organizationSuffixesByEnd = Dictionary(grouping: organizationSuffixes) { $0.last ?? 0 }
    static let nameBreakStarts = ScalarSet(values: nameBreakWords.compactMap(\.first))
    static let districtTails: [[UInt32]] = ["中心城区", "主城区", "城区", "高新区", "开发区", "新区"].map(\.scalarValues)
    static let landmarkSuffixes: [[UInt32]] = ["公园", "广场", "景区", "湿地"].map(\.scalarValues)
    static let landmarkStarts = Scalars.set("公广景湿")
    static let scenicStarts = Scalars.set("景")
    static let tailStarts = Scalars.set("经高开保新海机港")
    static let localSuffixes = Scalars.set("镇乡村街")
    static let singleStemSuffixes = Scalars.set("县旗")
    static let numerals = Scalars.set("一二三四五六七八九十")
    /// Places named after their city: its port, customs, airport, zones (岚江港, 岚江海关).
    static let institutionTails: [[UInt32]] = ["经济技术开发区", "高新技术产业开发区", "高新区", "开发区", "保税区", "新区", "海关", "机场", "港"]
        .map(\.scalarValues)
    /// Characters that never belong to a place stem.
    static let nonStem = Scalars.set("的在对于和与及并也都已将把被让由是有共等了着过又还均各其该这那此每全本我为从向至到以个第省市县区")
        .union(Scalars.set("零〇一二两三四五六七八九十百千万亿"))
    static let boundaryWords = Scalars.set("省市县区镇乡村年")
    /// A suffix followed by these makes another word (市场, 县级, 区域, 村民).
    static let compoundFollowers: [UInt32: ScalarSet] = [
        0x5E02: Scalars.set("场民值级委政属直辖区容面内外里域县长"),  // 市
        0x53BF: Scalars.set("级域委长城里区乡市"),  // 县
        0x7701: Scalars.set("级委长内外份会略钱力事时心"),  // 省
        0x533A: Scalars.set("域位别间块委长级县"),  // 区
        0x9547: Scalars.set("级委长区压定静"),  // 镇
        0x4E61: Scalars.set("村镇级亲土愁情贤"),  // 乡
        0x6751: Scalars.set("民级委里庄落集镇屯干组两"),  // 村
        0x65D7: Scalars.set("帜袍舰下"),  // 旗
    ]
}
