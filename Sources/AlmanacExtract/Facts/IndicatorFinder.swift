import AlmanacText

/// Finds what a figure measures: the shortest noun phrase around it.
///
/// Chinese economic reporting names the measured thing either after the measure word
/// (`345户规模以上工业企业`, `新建1000吨生产线`) or before the figure (`年产能2000吨`,
/// `工业增加值同比增长7.4%`, `召开专题推进会20次`). Before the figure, linking words (达到 为 共 累计 …)
/// and the change word are passed over, then words are taken leftwards up to a predicate verb, a
/// function word, punctuation, a place or a period phrase.
struct IndicatorFinder: Sendable {
    let segmenter: Segmenter
    /// What the phrase rules ask of each lexicon tag, by its index in the lexicon's tag list.
    private let tagClasses: [TagClass]
    /// The class of a word the lexicon lacks, read as a noun.
    private let noun = TagClass("n")

    init(segmenter: Segmenter) {
        self.segmenter = segmenter
        tagClasses = segmenter.lexicon.tagNameList.map(TagClass.init)
    }

    /// What the phrase rules ask of a word's tag, worked out once a tag rather than once a word.
    private struct TagClass: Sendable {
        /// The tag ends a noun phrase (``IndicatorFinder/stopTags``).
        let stops: Bool
        let isVerb: Bool
        let isIdiom: Bool
        /// A noun (`n…`) or a noun of action (`vn`).
        let isNounLike: Bool

        init(_ tag: String) {
            stops = IndicatorFinder.stopTags.contains(tag)
            isVerb = tag == "v"
            isIdiom = tag == "i"
            isNounLike = tag.hasPrefix("n") || tag == "vn"
        }
    }

    /// The tag class of the lexicon word `text`, a noun's when the lexicon lacks it.
    private func tagClass(of text: ArraySlice<UInt32>) -> TagClass {
        segmenter.lexicon.tagIndex(ofScalars: text).map { tagClasses[$0] } ?? noun
    }

    /// Working space kept across the figures of a passage: the cut of each clause part reuses it
    /// (a cut made its own word list, folded copy and path arrays, several allocations a figure).
    struct Buffers {
        var segmentation = Segmenter.Buffers()
        var words: [Range<Int>] = []

        /// Sized for the words of a long clause part: grown from empty, the list was reallocated
        /// five times in each passage.
        init() { words.reserveCapacity(32) }
    }

    /// The noun phrase right after a figure's measure word (`生产线` in `1000吨生产线已经开工`), or "".
    func following(in scalars: [UInt32], range: Range<Int>) -> String {
        var buffers = Buffers()
        return following(in: scalars, range: range, buffers: &buffers)
    }

    /// ``following(in:range:)`` with `buffers` as working space.
    func following(in scalars: [UInt32], range: Range<Int>, buffers: inout Buffers) -> String {
        // 14个亿元以上重点项目: a class by size (亿元以上, 千万元级) before what is counted.
        let range = Self.sizeClassEnd(in: scalars, at: range.lowerBound, limit: range.upperBound)..<range.upperBound
        guard !range.isEmpty,
            ScalarClass.isHan(scalars[range.lowerBound]) || innerMarks.contains(scalars[range.lowerBound])
        else { return "" }
        segmenter.wordRanges(in: scalars, range: range, into: &buffers.words, buffers: &buffers.segmentation)
        // The words taken: the first one's start and the last one's end (read in place, not listed).
        var takenCount = 0
        var lower = 0
        var upper = 0
        for word in buffers.words {
            let text = scalars[word]
            if takenCount == 0,
                (text.count == 1 && text.first == Self.de) || text.allSatisfy({ innerMarks.contains($0) })
            {
                continue
            }
            guard isNounLike(text, position: takenCount) else { break }
            if takenCount == 0 { lower = word.lowerBound }
            upper = word.upperBound
            takenCount += 1
        }
        guard takenCount > 0 else { return "" }
        // The phrase is trimmed as bounds in `scalars`, not as a copy.
        while lower < upper, !ScalarClass.isHan(scalars[lower]) { lower += 1 }
        for lead in thresholdWords where upper - lower > lead.count + 1 && Scalars.matches(lead, in: scalars, at: lower)
        {
            lower += lead.count  // 亿元以上工业项目 → 工业项目
            break
        }
        while upper > lower, !ScalarClass.isHan(scalars[upper - 1]), !closingBrackets.contains(scalars[upper - 1]) {
            upper -= 1
        }
        return String(scalarValues: scalars[lower..<upper])
    }

    /// The phrase before a figure (or before its change word) in `range`, linking words passed over,
    /// with `buffers` as working space.
    func preceding(in scalars: [UInt32], range: Range<Int>, buffers: inout Buffers) -> String {
        String(scalarValues: scalars[precedingPhrase(in: scalars, range: range, buffers: &buffers)])
    }

    /// Where ``preceding(in:range:buffers:)``'s phrase stands in `scalars` (an empty range when it is "").
    func precedingPhrase(in scalars: [UInt32], range: Range<Int>, buffers: inout Buffers) -> Range<Int> {
        guard !range.isEmpty else { return range.lowerBound..<range.lowerBound }
        segmenter.wordRanges(in: scalars, range: range, into: &buffers.words, buffers: &buffers.segmentation)
        // The words before the linking words at the end: a count, not words removed from a copy.
        var count = buffers.words.count
        while count > 0, links.contains(scalars[buffers.words[count - 1]]) {
            count -= 1
        }
        var start = count > 0 ? buffers.words[count - 1].upperBound : range.lowerBound
        let end = start
        var sawNoun = false
        for word in buffers.words[..<count].reversed() {
            let text = scalars[word]
            if stopWords.contains(text) || predicates.contains(text) { break }
            if !word.allSatisfy({ ScalarClass.isHan(scalars[$0]) || innerMarks.contains(scalars[$0]) }) { break }
            if word.contains(where: { closingQuotes.contains(scalars[$0]) }) { break }  // “…行动”专题培训
            let tag = timePrefixes.contains(text) ? noun : tagClass(of: text)
            if tag.stops { break }
            if sawNoun, tag.isVerb, end - word.lowerBound > 4, Self.predicateLike(text) { break }
            if tag.isNounLike { sawNoun = true }
            start = word.lowerBound
            if end - start >= maximumLength { break }
        }
        // Trimmed as bounds in `scalars`, not as a copy.
        var lower = headOfLongPhrase(in: scalars, start..<end)
        var upper = end
        while lower < upper, !ScalarClass.isHan(scalars[lower]) { lower += 1 }
        while upper > lower, !ScalarClass.isHan(scalars[upper - 1]), !closingBrackets.contains(scalars[upper - 1]) {
            upper -= 1
        }
        return lower..<upper
    }

    /// An indicator completed by the one before it in the sentence: none at all takes it whole
    /// (`，同比增长5%`); a bare measure (`，金额6.43亿元`) is the measure of it (`担保贷款金额`); a
    /// sub-figure's grade (`其中国家级1家`) names a grade of its thing (`国家级科技企业孵化器`).
    static func completed(_ indicator: String, previous: String, isSubFigure: Bool) -> String {
        guard !previous.isEmpty else { return indicator }
        if indicator.isEmpty { return previous }
        if genericMeasures.contains(indicator), !previous.hasSuffix(indicator) { return previous + indicator }
        // Read as scalars only for a sub-figure (an array a figure was made for every indicator).
        guard isSubFigure else { return indicator }
        let scalars = indicator.unicodeScalars.map(\.value)
        if scalars.count <= 4, let last = scalars.last, gradeEnds.contains(last) {
            // 省级以上科技企业孵化器 → 科技企业孵化器: the thing without the grade of the whole.
            var head = previous.unicodeScalars.map(\.value)
            for marker in gradeMarkers {
                var index = head.count - marker.count
                while index > 0, !Scalars.matches(marker, in: head, at: index) { index -= 1 }
                if index > 0 {
                    head = Array(head[(index + marker.count)...])
                    break
                }
            }
            if head.count >= 2 { return indicator + String(scalarValues: head) }
        }
        return indicator
    }

    /// The end of a size class at `index` (亿元以上, 千万元级, 万吨级以上), else `index`.
    static func sizeClassEnd(in scalars: [UInt32], at index: Int, limit: Int) -> Int {
        var cursor = index
        while cursor < limit, sizeMultipliers.contains(scalars[cursor]) { cursor += 1 }
        guard cursor > index, cursor < limit, sizeUnits.contains(scalars[cursor]) else { return index }
        cursor += 1
        let unitEnd = cursor
        for tail in sizeTails where Scalars.matches(tail, in: scalars, at: cursor) && cursor + tail.count <= limit {
            cursor += tail.count
            break
        }
        if cursor < limit, scalars[cursor] == 0x7EA7 { cursor += 1 }  // 级 after 以上 (亿元级以上 reads either way)
        return cursor > unitEnd ? cursor : index
    }

    /// Whether the phrase `scalars` (read where it stands) is one verb of the lexicon (修建, 完成): no
    /// thing a figure could measure. The lexicon folds its width as `tag(of:)` does.
    func isSingleVerb(_ scalars: ArraySlice<UInt32>) -> Bool {
        predicates.contains(scalars)
            || segmenter.lexicon.tagIndex(ofScalars: scalars).map { tagClasses[$0].isVerb } == true
    }

    /// The first noun phrase of a clause part (its subject), or "".
    func subject(in scalars: [UInt32], range: Range<Int>) -> String {
        following(in: scalars, range: range)
    }

    // MARK: - Words

    private func isNounLike(_ text: ArraySlice<UInt32>, position: Int) -> Bool {
        guard text.allSatisfy({ ScalarClass.isHan($0) || innerMarks.contains($0) }) else { return false }
        if stopWords.contains(text) || predicates.contains(text) || links.contains(text) { return false }
        let tag = tagClass(of: text)
        // The lexicon's tags are jieba's and not always right for nouns (it tags some as v or l):
        // the first word only has to be no function word; later words no verb or idiom either.
        if position == 0 { return !tag.stops && !tag.isIdiom }
        return !tag.stops && !tag.isVerb && !tag.isIdiom
    }

    /// Whether a verb ends a noun phrase on its left (a two-character predicate such as 实现 or 召开).
    static func predicateLike(_ text: ArraySlice<UInt32>) -> Bool {
        text.count >= 2
    }

    // MARK: - Tables

    // The tables read word by word are the finder's own, not globals: on Linux every read of a
    // global is a call that checks it was made, and a phrase reads several for each of its words.

    let maximumLength = 16
    /// Measures that say how much of something, not of what (金额, 数量, 规模).
    static let genericMeasures: Set<String> = ["金额", "数量", "规模", "总额", "总量", "面积", "人数", "户数", "数额", "额度"]
    static let gradeEnds = Scalars.set("级类型")
    static let sizeMultipliers = Scalars.set("十百千万亿")
    static let sizeUnits = Scalars.set("元吨")
    static let sizeTails: [[UInt32]] = ["以上", "以下", "级"].map(\.scalarValues)
    static let gradeMarkers: [[UInt32]] = ["级以上", "级以下", "级"].map(\.scalarValues)
    static let de: UInt32 = 0x7684  // 的
    let thresholdWords: [[UInt32]] = ["以上", "以下"].map(\.scalarValues)
    let closingQuotes = Scalars.set("”」』")
    let closingBrackets = Scalars.set(")）")
    /// Nouns that name a thing (a project, a firm, a school) rather than a measure of it: in a long
    /// phrase, what follows the last of them is the indicator (…基地项目总投资 → 总投资).
    let entityHeads: [[UInt32]] = ["项目", "工程", "公司", "集团", "学校", "校区", "园区", "空间", "产品", "基地"]
        .map(\.scalarValues)

    /// Where the part of a long phrase (`scalars[phrase]`) after its last entity noun starts, when at
    /// least two characters remain; else the phrase's start.
    func headOfLongPhrase(in scalars: [UInt32], _ phrase: Range<Int>) -> Int {
        let count = phrase.count
        guard count > 6 else { return phrase.lowerBound }
        var cut = -1
        for end in stride(from: count - 2, through: 2, by: -1) {
            if entityHeads.contains(where: {
                end >= $0.count && Scalars.matches($0, in: scalars, endingAt: phrase.lowerBound + end)
            }) {
                cut = end
                break
            }
        }
        guard cut > 0, count - cut >= 2 else { return phrase.lowerBound }
        return phrase.lowerBound + cut
    }
    /// 年 月 日 before a noun make a rate (年产能, 日均客流), not a time.
    let timePrefixes = WordSet(["年", "月", "日", "周", "季", "人均", "日均", "年均", "户均"])
    let innerMarks = Scalars.set("“”\"()（）《》")
    static let leadingDrop = Scalars.set("“”\"")
    /// Tags that end a noun phrase: prepositions, conjunctions, particles, pronouns, adverbs, numerals.
    static let stopTags: Set<String> = [
        "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "r", "rr", "rz", "d", "m", "mq", "x", "w", "y", "e", "o",
        "t", "tg", "zg",
    ]
    /// Words between a phrase and its figure that link them (达到 为 共 累计 …).
    let links = WordSet([
        "达到", "达", "为", "是", "有", "共有", "共计", "合计", "总计", "累计", "约", "共", "计", "超", "突破", "增至", "降至",
        "至", "到", "了", "的", "已", "已达", "已经", "将", "分别", "仅", "仅为", "只有", "高达", "多达", "近", "逾", "超过",
        "约为", "总", "达成", "需", "需要", "仅需", "用时", "只需", "攀升至", "达到了", "实现了", "完成了", "均", "各", "都", "也", "还", "再", "又",
        "每", "新增",
    ])
    /// Function words that end a phrase whatever the lexicon tags them.
    let stopWords = WordSet([
        "的", "在", "对", "于", "和", "与", "及", "并", "等", "了", "着", "过", "把", "被", "让", "由", "从", "向", "以",
        "其中", "其", "该", "这", "此", "其他", "据统计", "统计", "据悉", "目前", "如今", "今年", "去年", "同时", "以及",
        "为", "是", "有", "将", "已", "共", "均", "各", "每", "全", "本", "我", "我们", "他们", "通过", "围绕", "按照",
        "中", "内", "里", "同期", "上年", "去年同期", "上年同期",
    ])
    /// Predicate verbs that end a noun phrase on their left.
    let predicates = WordSet([
        "实现", "完成", "达到", "召开", "开展", "成立", "建设", "新建", "引进", "签约", "举办", "组织", "吸引", "发放",
        "拥有", "获得", "提供", "走访", "协调", "带动", "惠及", "帮助", "解决", "落实",
        "新增", "累计", "共有", "投入", "安排", "争取", "储备", "谋划", "招引", "对照", "打造", "受理", "办理",
        "开通", "建成", "改造", "实施", "发布", "清理", "种植", "栽植", "整治", "现有", "拥有", "修建",
    ])
}
