import AlmanacText

/// Finds period phrases: `今年前7个月`, `上半年`, `1月至10月`, `截至8月16日`, `2022年`, `今年以来`,
/// `自开赛以来`, `截至目前`, `每周`.
///
/// A phrase is a run of period atoms (a year, a month, a day, 今年, 上半年, 前N个月, 截至 …) with 至/到/-
/// between them; `X以来` takes the clause part before it. A year or date after 较/比/同 is a comparison
/// base, not the figure's period, and is left out.
struct PeriodFinder: Sendable {
    /// The period phrases of `scalars`, left to right.
    func periods(in scalars: [UInt32]) -> [Span] {
        var found: [Span] = []
        // Sized for a passage's few periods (it is read only when it holds figures): grown from
        // empty, the list was reallocated two or three times a passage.
        found.reserveCapacity(8)
        var index = 0
        while index < scalars.count {
            guard phraseStarts.contains(scalars[index]) else {
                index += 1
                continue
            }
            // A number opens an atom only with a period word or a range mark after its run of digits
            // (2022年, 8月, 1-7月), wherever in the run it starts: without one, no start in the run opens
            // anything (nor 以来), and the run is passed over whole rather than digit by digit.
            let runEnd = numeralRunEnd(in: scalars, from: index)
            if runEnd > index, runEnd == scalars.count || !numberFollowers.contains(scalars[runEnd]) {
                index = runEnd
                continue
            }
            var end = index
            var atoms = 0
            while let next = atom(in: scalars, at: end) {
                end = next
                atoms += 1
                if end < scalars.count, connectors.contains(scalars[end]), atom(in: scalars, at: end + 1) != nil {
                    end += 1
                }
            }
            if atoms > 0 {
                let start = index
                if Scalars.matches(since, in: scalars, at: end) { end += 2 }
                if !isComparisonBase(scalars, at: start), !isEventDate(scalars, start..<end) {
                    found.append(Span(range: start..<end, text: String(scalarValues: scalars[start..<end])))
                }
                index = max(end, index + 1)
                continue
            }
            // X以来: an event clause ending in 以来 (党史学习教育开展以来, 自开赛以来).
            if Scalars.matches(since, in: scalars, at: index) {
                var start = index
                while start > 0, !clauseBreaks.contains(scalars[start - 1]), index - start < 12 {
                    start -= 1
                }
                if index - start >= 2, !clauseBreaks.contains(scalars[start]) {
                    if let zi = (start..<index).first(where: { scalars[$0] == 0x81EA }) { start = zi }  // 自
                    found.append(Span(range: start..<index + 2, text: String(scalarValues: scalars[start..<index + 2])))
                }
                index += 2
                continue
            }
            index += 1
        }
        return found
    }

    // MARK: - Atoms

    /// The end of the period atom starting at `index`, or `nil`.
    private func atom(in scalars: [UInt32], at index: Int) -> Int? {
        guard index < scalars.count else { return nil }
        // Most scalars begin no period word and no deadline: one bit answers them before any lookup.
        let first = scalars[index]
        if words.firsts.contains(first), let length = words.longestMatch(in: scalars, at: index) {
            return index + length
        }
        if first == deadlineFirst, let length = Self.matchAny(deadlines, in: scalars, at: index) {
            let after = index + length
            return atom(in: scalars, at: after) ?? after
        }
        // 前7个月, 近3年, 前三季度, 近两个月
        if leads.contains(scalars[index]), let number = numberEnd(in: scalars, at: index + 1) {
            if let length = Self.matchAny(durationUnits, in: scalars, at: number) { return number + length }
            return nil
        }
        guard let number = numberEnd(in: scalars, at: index) else { return nil }
        let digits = number - index
        // 2022年, 二〇二三年 (four digits), 7年来
        if Scalars.matches(year, in: scalars, at: number) {
            if digits == 4 { return number + 1 + (Scalars.matches(du, in: scalars, at: number + 1) ? 1 : 0) }
            if Scalars.matches(since, in: scalars, at: number + 1) { return number + 1 }
            if Scalars.matches(lai, in: scalars, at: number + 1) { return number + 2 }
            return nil
        }
        // 8月, 8月份, 8月底, 8月16日, 16日, 三季度
        if let length = Self.matchAny(monthWords, in: scalars, at: number) { return number + length }
        // 1-7月, 1—10月: a month range written with a dash.
        if number < scalars.count, connectors.contains(scalars[number]),
            let second = numberEnd(in: scalars, at: number + 1),
            let length = Self.matchAny(monthWords, in: scalars, at: second)
        {
            return second + length
        }
        if let length = Self.matchAny(dayWords, in: scalars, at: number), digits <= 2 { return number + length }
        if let length = Self.matchAny(quarterWords, in: scalars, at: number), digits == 1 { return number + length }
        return nil
    }

    /// The end of a run of digits or Chinese numerals at `index`, or `nil`.
    private func numberEnd(in scalars: [UInt32], at index: Int) -> Int? {
        let end = numeralRunEnd(in: scalars, from: index)
        return end > index && end - index <= 4 ? end : nil
    }

    /// Where the run of digits or Chinese numerals from `index` ends (`index` when none stands there).
    private func numeralRunEnd(in scalars: [UInt32], from index: Int) -> Int {
        var end = index
        while end < scalars.count, ScalarClass.isDigit(scalars[end]) || numeralScalars.contains(scalars[end]) {
            end += 1
        }
        return end
    }

    /// Whether the phrase is a bare date (12月21日): when something happened, not a period a figure covers.
    /// Only 截至/至/以来 make a date bound a period.
    private func isEventDate(_ scalars: [UInt32], _ range: Range<Int>) -> Bool {
        guard let last = range.last, dayEnds.contains(scalars[last]) else { return false }
        return !scalars[range].contains { boundMarkers.contains($0) }
    }

    /// Whether the phrase at `start` follows 较/比/同/与 (a comparison base: 较2017年).
    private func isComparisonBase(_ scalars: [UInt32], at start: Int) -> Bool {
        start > 0 && comparisons.contains(scalars[start - 1])
    }

    // MARK: - Tables

    // The tables are the finder's own, not globals: `atom(in:at:)` reads a dozen of them at each
    // candidate, and every read of a global is a call that checks it was made.

    private let words = WordSet([
        "今年以来", "年初以来", "近年来", "近期", "上半年", "下半年", "今年", "去年", "前年", "明年", "上年", "本年",
        "当年", "全年", "年初", "年底", "年末", "年内", "如今", "目前", "当前", "眼下", "此前", "至今", "今后",
        "月底", "月初", "月末", "上旬", "中旬", "下旬", "每年", "每月", "每周", "每天", "每日",
        "第一季度", "第二季度", "第三季度", "第四季度",
    ])
    /// Deadlines, all beginning with 截.
    private let deadlines: [[UInt32]] = ["截至到", "截止到", "截至", "截止"].map(\.scalarValues)
    private let deadlineFirst: UInt32 = 0x622A  // 截
    private let durationUnits: [[UInt32]] = ["个月", "季度", "年", "月", "周", "天"].map(\.scalarValues)
    private let monthWords: [[UInt32]] = ["月份", "月底", "月初", "月末", "月中", "月"].map(\.scalarValues)
    private let dayWords: [[UInt32]] = ["日", "号"].map(\.scalarValues)
    private let quarterWords: [[UInt32]] = ["季度"].map(\.scalarValues)
    private let since: [UInt32] = "以来".scalarValues
    private let lai: [UInt32] = "来".scalarValues
    private let year: [UInt32] = "年".scalarValues
    private let du: [UInt32] = "度".scalarValues
    private let leads = Scalars.set("前近头后")
    private let dayEnds = Scalars.set("日号")
    private let boundMarkers = Scalars.set("截止至到")
    private let connectors = Scalars.set("至到-－—~～")
    private let comparisons = Scalars.set("较比同与于")
    private static let numerals = "零〇○一二两三四五六七八九十"
    private let numeralScalars = Scalars.set(Self.numerals)
    /// Where a phrase may start: a period word's first scalar, a digit (of either width) or a Chinese
    /// numeral, in one lookup (most scalars are none of them, and three lookups told that for each).
    private let phraseStarts = {
        var starts = Scalars.set("今去前明上本当全年如目眼此至每近日第截下中月头后以" + Self.numerals)
        // The digits as `ScalarClass.isDigit` tells them (ASCII and full-width), asked of every scalar
        // the set can hold, so the two never disagree.
        for value in UInt32(0)...0xFFFF where ScalarClass.isDigit(value) { starts.insert(value) }
        return starts
    }()
    private let clauseBreaks = Scalars.clauseBreaks
    /// What may follow a number that opens an atom: the first scalars of `year`, `monthWords`,
    /// `dayWords` and `quarterWords`, and the `connectors` of a month range (1-7月). Made from them.
    private let numberFollowers: ScalarSet

    init() {
        numberFollowers = connectors.union(
            ScalarSet(values: ([year] + monthWords + dayWords + quarterWords).map { $0[0] }))
    }

    static func matchAny(_ words: [[UInt32]], in scalars: [UInt32], at index: Int) -> Int? {
        // Asked after every number (at each of its digits): the first scalar rules out most words
        // before any is matched in full.
        guard index >= 0, index < scalars.count else { return nil }
        let first = scalars[index]
        for word in words where word.first == first && Scalars.matches(word, in: scalars, at: index) {
            return word.count
        }
        return nil
    }
}
