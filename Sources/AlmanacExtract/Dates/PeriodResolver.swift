import AlmanacModel
import AlmanacText

/// Resolves the period phrase of a fact (`今年前7个月`, `上半年`, `去年同期`) against the page's date to
/// the days it covers.
///
/// A phrase is an optional year (`今年`, `去年`, `2022年`, `二〇二二年度`) and an optional part of it
/// (`上半年`, `三季度`, `前三季度`, `前7个月`, `1-10月`, `1月至10月`, `8月份`, `8月底`, `8月下旬`, `8月16日`), with
/// 截至 (from the year's start up to the point) or 以来 (from the point up to the page's date) around
/// them; `上月`, `本月`, `近三年`, `近6个月`, `7年来` count back from the page's date. A month named
/// without a year that would start after the page's date is last year's (`11月` on a January page).
/// Phrases that name no calendar span (`目前`, `每年`, `自开赛以来`) resolve to `nil`.
///
/// ```swift
/// let resolver = PeriodResolver(pageDate: CalendarDay("2023-08-31")!)
/// resolver.resolve("今年前7个月")   // 2023-01-01 … 2023-07-31
/// ```
public struct PeriodResolver: Sendable {
    /// The date the page was printed.
    public let pageDate: CalendarDay
    /// The words of period phrases, held by the resolver rather than read from globals: a phrase is
    /// read against a score of them, and on Linux every read of a global is a call that checks it
    /// was made.
    private let words = Words.standard

    /// A resolver for a page printed on `pageDate`.
    public init(pageDate: CalendarDay) {
        self.pageDate = pageDate
    }

    /// The days `phrase` covers, or `nil` when it names no span of the calendar.
    public func resolve(_ phrase: String) -> DateRange? {
        guard let span = span(of: phrase) else { return nil }
        return DateRange(span.start, span.end)
    }

    /// `facts` with `resolvedPeriod` set wherever their period resolves.
    public func resolving(_ facts: [Fact]) -> [Fact] {
        facts.map { fact in
            var fact = fact
            fact.resolvedPeriod = resolve(fact.period)
            return fact
        }
    }

    // MARK: - Reading a phrase

    private func span(of phrase: String) -> (start: CalendarDay, end: CalendarDay)? {
        // Most facts have no period phrase: nothing to read.
        guard !phrase.isEmpty else { return nil }
        // White space tested by value (each fact's period is resolved, and a property lookup a scalar
        // showed in the ingest's profile); the scalars read into one array, not decoded and filtered
        // into a second.
        var scalars: [UInt32] = []
        scalars.reserveCapacity(phrase.utf8.count)
        for scalar in phrase.unicodeScalars where !ScalarClass.isWhiteSpace(scalar.value) {
            scalars.append(scalar.value)
        }
        guard !scalars.isEmpty else { return nil }
        var isDeadline = false
        var isSince = false
        var isSamePeriod = false
        for prefix in words.deadlines where Scalars.matches(prefix, in: scalars, at: 0) {
            scalars.removeFirst(prefix.count)
            isDeadline = true
            break
        }
        if let first = scalars.first, words.fromWords.contains(first) { scalars.removeFirst() }  // 自 从
        for suffix in words.sinceSuffixes where Scalars.matches(suffix, in: scalars, endingAt: scalars.count) {
            scalars.removeLast(suffix.count)
            isSince = true
            break
        }
        if Scalars.matches(words.samePeriod, in: scalars, endingAt: scalars.count) {
            scalars.removeLast(words.samePeriod.count)
            isSamePeriod = true
        }
        var reader = Reader(scalars: scalars, connectors: words.connectors)
        // Counting back from the page: 上月, 本月, 近三年, 近6个月, 7年来.
        if let rolling = rollingSpan(&reader, isSince: isSince) { return rolling }
        let year = readYear(&reader)
        var isCumulative = false
        guard
            var span = readPart(&reader, year: year?.value ?? pageDate.year, isCumulative: &isCumulative)
                ?? wholeYear(year)
        else { return nil }
        guard reader.isAtEnd else { return nil }
        // 11月 on a January page: last year's November; 1-10月 reported in August: last year's too.
        if year == nil, span.start > pageDate || (isCumulative && span.end > pageDate) {
            span = (span.start.adding(years: -1), span.end.adding(years: -1))
        }
        if isSamePeriod {
            // 去年同期: the same stretch of last year as this year's so far.
            let start = CalendarDay.first(ofMonth: 1, year: span.start.year) ?? span.start
            let end = pageDate.adding(years: span.start.year - pageDate.year)
            return start <= end ? (start, end) : nil
        }
        if isSince {
            return span.start <= pageDate ? (span.start, pageDate) : nil
        }
        if isDeadline, let start = CalendarDay.first(ofMonth: 1, year: span.end.year) {
            return (start, span.end)
        }
        return span
    }

    /// The year a phrase opens with: 今年, 去年, 2022年, 二〇二二年度.
    private func readYear(_ reader: inout Reader) -> (value: Int, isExplicit: Bool)? {
        for (word, offset) in words.relativeYears where reader.take(word) {
            return (pageDate.year + offset, false)
        }
        let mark = reader.position
        if let number = reader.number(), (1900...2100).contains(number), reader.take(words.yearWord) {
            _ = reader.take(words.du)
            return (number, true)
        }
        reader.position = mark
        return nil
    }

    private func wholeYear(_ year: (value: Int, isExplicit: Bool)?) -> (start: CalendarDay, end: CalendarDay)? {
        guard let year, let start = CalendarDay(year: year.value, month: 1, day: 1),
            let end = CalendarDay(year: year.value, month: 12, day: 31)
        else { return nil }
        return (start, end)
    }

    /// The part of a year: halves, quarters, 前N个月, months and days.
    /// `isCumulative` is set for a year's statistics up to a month (前7个月, 前三季度, 1-10月).
    private func readPart(_ reader: inout Reader, year: Int, isCumulative: inout Bool) -> (
        start: CalendarDay, end: CalendarDay
    )? {
        if reader.isAtEnd { return nil }
        if reader.take(words.fullYear) || reader.take(words.withinYear) { return wholeYear((year, true)) }
        // 去年底, 今年初: the year's last or first day.
        if reader.take(words.monthEnd) || reader.take(words.monthEnd2),
            let day = CalendarDay(year: year, month: 12, day: 31)
        {
            return (day, day)
        }
        if reader.take(words.monthStart), let day = CalendarDay(year: year, month: 1, day: 1) { return (day, day) }
        if reader.take(words.firstHalf) { return months(1, 6, year: year) }
        if reader.take(words.secondHalf) { return months(7, 12, year: year) }
        if reader.take(words.yearStart), let day = CalendarDay(year: year, month: 1, day: 1) { return (day, day) }
        if reader.take(words.yearEnd) || reader.take(words.yearEnd2),
            let day = CalendarDay(year: year, month: 12, day: 31)
        {
            return (day, day)
        }
        let mark = reader.position
        // 前7个月, 前三季度
        if reader.take(words.first) {
            isCumulative = true
            if let count = reader.number() {
                if reader.take(words.monthsWord) || reader.take(words.monthWord), (1...12).contains(count) {
                    return months(1, count, year: year)
                }
                if reader.take(words.quarterWord), (1...4).contains(count) { return months(1, count * 3, year: year) }
            }
            reader.position = mark
            return nil
        }
        // 一季度, 第三季度, 首季度
        _ = reader.take(words.ordinal)
        if reader.take(words.firstOf), reader.take(words.quarterWord) { return months(1, 3, year: year) }
        reader.position = mark
        _ = reader.take(words.ordinal)
        if let quarter = reader.number(), (1...4).contains(quarter), reader.take(words.quarterWord) {
            return months(quarter * 3 - 2, quarter * 3, year: year)
        }
        reader.position = mark
        // Months and days: 8月, 8月份, 1-10月, 1月至10月, 8月16日, 8月16日至20日.
        guard let from = readPoint(&reader, year: year, month: nil) else { return nil }
        if reader.takeConnector() {
            guard let to = readPoint(&reader, year: year, month: from.month) else { return nil }
            isCumulative = from.start.month == 1 && from.start.day == 1 && to.end.month > 1
            return from.start <= to.end ? (from.start, to.end) : nil
        }
        return (from.start, from.end)
    }

    private struct Point {
        var start: CalendarDay
        var end: CalendarDay
        var month: Int
    }

    /// A month (8月, 8月份, 8月底, 8月初) or a day (8月16日, 16日 within `month`) at the reader.
    private func readPoint(_ reader: inout Reader, year: Int, month: Int?) -> Point? {
        let mark = reader.position
        guard let number = reader.number() else { return nil }
        if reader.take(words.monthWord) {
            guard (1...12).contains(number), let first = CalendarDay.first(ofMonth: number, year: year),
                let last = CalendarDay.last(ofMonth: number, year: year)
            else { return nil }
            if reader.take(words.monthPart) { return Point(start: first, end: last, month: number) }  // 份
            if reader.take(words.monthEnd) || reader.take(words.monthEnd2) {
                return Point(start: last, end: last, month: number)
            }
            if reader.take(words.monthStart) { return Point(start: first, end: first, month: number) }
            // 上旬 1–10, 中旬 11–20, 下旬 21 to the month's end.
            for (word, from, to) in words.tenDays where reader.take(word) {
                guard let start = CalendarDay(year: year, month: number, day: from),
                    let end = CalendarDay(year: year, month: number, day: min(to, last.day))
                else { return nil }
                return Point(start: start, end: end, month: number)
            }
            let dayMark = reader.position
            if let day = reader.number(), reader.takeDayWord() {
                guard let date = CalendarDay(year: year, month: number, day: day) else { return nil }
                return Point(start: date, end: date, month: number)
            }
            reader.position = dayMark
            return Point(start: first, end: last, month: number)
        }
        if let month, reader.takeDayWord(), let date = CalendarDay(year: year, month: month, day: number) {
            return Point(start: date, end: date, month: month)
        }
        // 1-10月: the first month of a range is written without 月.
        if reader.peekConnector(), (1...12).contains(number) {
            let connector = reader.position
            reader.position += 1
            let isMonthRange = reader.number() != nil && reader.take(words.monthWord)
            reader.position = connector
            if isMonthRange, let first = CalendarDay.first(ofMonth: number, year: year),
                let last = CalendarDay.last(ofMonth: number, year: year)
            {
                return Point(start: first, end: last, month: number)
            }
        }
        reader.position = mark
        return nil
    }

    /// 上月, 本月, 近三年, 近6个月, 近30天, 7年来, 近年来.
    private func rollingSpan(_ reader: inout Reader, isSince: Bool) -> (start: CalendarDay, end: CalendarDay)? {
        let page = pageDate
        if reader.take(words.lastMonth) || reader.take(words.lastMonth2), reader.isAtEnd {
            guard let start = CalendarDay.first(ofMonth: page.month - 1, year: page.year),
                let end = CalendarDay.last(ofMonth: page.month - 1, year: page.year)
            else { return nil }
            return (start, end)
        }
        if reader.take(words.thisMonth) || reader.take(words.thisMonth2), reader.isAtEnd {
            guard let start = CalendarDay.first(ofMonth: page.month, year: page.year) else { return nil }
            return (start, page)
        }
        let mark = reader.position
        let hasLead = reader.take(words.recent)
        if let count = reader.number(), count > 0 {
            if reader.take(words.monthsWord) || (hasLead && reader.take(words.monthWord)), reader.isAtEnd,
                hasLead || isSince
            {
                return (page.adding(months: -count).adding(days: 1), page)
            }
            if count < 100, reader.take(words.yearWord), reader.isAtEnd, hasLead || isSince {
                return (page.adding(years: -count).adding(days: 1), page)
            }
            if reader.take(words.dayWordLong), reader.isAtEnd, hasLead || isSince {
                return (page.adding(days: 1 - count), page)
            }
        }
        reader.position = mark
        return nil
    }

    private func months(_ first: Int, _ last: Int, year: Int) -> (start: CalendarDay, end: CalendarDay)? {
        guard let start = CalendarDay.first(ofMonth: first, year: year),
            let end = CalendarDay.last(ofMonth: last, year: year)
        else { return nil }
        return (start, end)
    }

    // MARK: - Words

    /// The words of period phrases.
    private final class Words: Sendable {
        static let standard = Words()

        let deadlines: [[UInt32]] = ["截至到", "截止到", "截至", "截止"].map(\.scalarValues)
        let fromWords = Scalars.set("自从")
        let sinceSuffixes: [[UInt32]] = ["起至今", "以来", "至今", "来"].map(\.scalarValues)
        let samePeriod = "同期".scalarValues
        let relativeYears: [([UInt32], Int)] = [
            ("今年", 0), ("本年", 0), ("当年", 0), ("去年", -1), ("上年", -1), ("前年", -2), ("明年", 1),
        ].map { ($0.0.scalarValues, $0.1) }
        let yearWord = "年".scalarValues
        let du = "度".scalarValues
        let fullYear = "全年".scalarValues
        let withinYear = "年内".scalarValues
        let firstHalf = "上半年".scalarValues
        let secondHalf = "下半年".scalarValues
        let yearStart = "年初".scalarValues
        let yearEnd = "年底".scalarValues
        let yearEnd2 = "年末".scalarValues
        let first = "前".scalarValues
        let firstOf = "首".scalarValues
        let ordinal = "第".scalarValues
        let monthsWord = "个月".scalarValues
        let monthWord = "月".scalarValues
        let monthPart = "份".scalarValues
        let monthEnd = "底".scalarValues
        let monthEnd2 = "末".scalarValues
        let monthStart = "初".scalarValues
        let quarterWord = "季度".scalarValues
        let tenDays: [([UInt32], Int, Int)] = [("上旬", 1, 10), ("中旬", 11, 20), ("下旬", 21, 31)]
            .map { ($0.0.scalarValues, $0.1, $0.2) }
        let lastMonth = "上月".scalarValues
        let lastMonth2 = "上个月".scalarValues
        let thisMonth = "本月".scalarValues
        let thisMonth2 = "当月".scalarValues
        let recent = "近".scalarValues
        let dayWordLong = "天".scalarValues
        let connectors = Scalars.set("至到-－—–~～")
    }
}

/// A cursor over the scalars of a period phrase.
private struct Reader {
    let scalars: [UInt32]
    /// The range connectors (至 到 - …), the resolver's.
    let connectors: ScalarSet
    var position = 0

    var isAtEnd: Bool { position >= scalars.count }

    /// Moves past `word` when it is next.
    mutating func take(_ word: [UInt32]) -> Bool {
        guard Scalars.matches(word, in: scalars, at: position) else { return false }
        position += word.count
        return true
    }

    mutating func number() -> Int? {
        guard let (value, end) = DateNumber.read(scalars, at: position) else { return nil }
        position = end
        return value
    }

    mutating func takeDayWord() -> Bool {
        guard position < scalars.count, scalars[position] == 0x65E5 || scalars[position] == 0x53F7 else { return false }  // 日 号
        position += 1
        return true
    }

    func peekConnector() -> Bool {
        position < scalars.count && connectors.contains(scalars[position])
    }

    mutating func takeConnector() -> Bool {
        guard peekConnector() else { return false }
        position += 1
        return true
    }
}
