import AlmanacText

/// A page's date as read from its text, and how sure the reading is.
public struct PageDateEstimate: Sendable, Hashable {
    /// What the estimate rests on, strongest first.
    public enum Basis: String, Sendable, Hashable {
        /// A full date printed with its weekday (`2023年8月31日 星期四`): a newspaper's dateline.
        case datelineWithWeekday
        /// The latest full date the text reports as past (`2023年8月30日`).
        case latestFullDate
        /// The latest month and day the text mentions (`8月30日`), in the latest year it names.
        case latestMonthDay
        /// Only a year (`2023年`), placed at the earliest day the text's periods allow (`前7个月` → 8月1日).
        case yearOnly
    }

    /// The estimated date.
    public var date: CalendarDay
    /// From 0 (a guess) to 1 (printed as a dateline).
    public var confidence: Double
    /// What the estimate rests on.
    public var basis: Basis
}

/// Infers the date of a page from its text: a dateline with its weekday; else the latest full date
/// reported as past; else the latest month and day mentioned, in the latest year named; else the
/// latest year named, no earlier than the text's statistics allow (a page reporting `前7个月` or
/// `1-7月` of a year is printed in August or later). Dates the text looks forward to (`将于9月1日`,
/// `到2025年`) are left out. `今年` and `去年` next to a year name it (`去年（2022年）`, `今年是2023年`).
///
/// ```swift
/// PageDateInference.estimate(in: "8月30日，记者走进岚江市……2023年前7个月……")?.date  // 2023-08-30
/// ```
public enum PageDateInference {
    /// The page's estimated date, or `nil` when the text names no year.
    public static func estimate(in text: String) -> PageDateEstimate? {
        let scalars = text.unicodeScalars.map(\.value)
        var mentions = Mentions()
        var index = 0
        while index < scalars.count {
            if let next = read(scalars, at: index, into: &mentions) {
                index = next
            } else {
                index += 1
            }
        }
        if let dateline = mentions.datelines.max() {
            return PageDateEstimate(date: dateline, confidence: 0.95, basis: .datelineWithWeekday)
        }
        let latestYear = mentions.years.max()
        if let full = mentions.fullDates.max() {
            // A later month and day of the same year still counts (8月30日 after 2023年8月1日).
            var date = full
            for (month, day) in mentions.monthDays {
                if let candidate = CalendarDay(year: full.year, month: month, day: day), candidate > date { date = candidate }
            }
            return PageDateEstimate(date: date, confidence: 0.8, basis: .latestFullDate)
        }
        // Only a year counted from: the page's year is unknown but not earlier, so say so in the confidence.
        let onlyPast = latestYear == nil
        guard let year = latestYear ?? mentions.pastYears.max() else { return nil }
        let scale = onlyPast ? 0.5 : 1
        let floor = mentions.dataThroughMonth.flatMap { CalendarDay.first(ofMonth: $0 + 1, year: year) }
        if let latest = mentions.monthDays.compactMap({ CalendarDay(year: year, month: $0.0, day: $0.1) }).max() {
            return PageDateEstimate(date: max(latest, floor ?? latest), confidence: 0.6 * scale, basis: .latestMonthDay)
        }
        guard let date = floor ?? CalendarDay(year: year, month: 1, day: 1) else { return nil }
        return PageDateEstimate(date: date, confidence: (floor == nil ? 0.2 : 0.35) * scale, basis: .yearOnly)
    }

    // MARK: - Reading mentions

    private struct Mentions {
        var datelines: [CalendarDay] = []
        var fullDates: [CalendarDay] = []
        var monthDays: [(Int, Int)] = []
        var years: [Int] = []
        /// Years the text counts from (从2016年起): the page is of that year or later.
        var pastYears: [Int] = []
        /// The last month of the current year's statistics the text reports (前7个月 → 7).
        var dataThroughMonth: Int?
    }

    /// Reads a date, a year or a statistics period at `index`; returns where it ends.
    private static func read(_ scalars: [UInt32], at index: Int, into mentions: inout Mentions) -> Int? {
        if index > 0, ScalarClass.isDigit(scalars[index - 1]) { return nil }
        let isForward = looksForward(scalars, before: index)
        // 前7个月, 前三季度, 上半年: statistics through a month.
        if let (month, end) = statisticsMonth(scalars, at: index) {
            if !isForward { mentions.dataThroughMonth = max(mentions.dataThroughMonth ?? 0, month) }
            return end
        }
        guard let (first, afterFirst) = DateNumber.read(scalars, at: index) else { return nil }
        let next = afterFirst < scalars.count ? scalars[afterFirst] : 0
        // 2023年8月31日, 2023年, 二〇二三年
        if next == Self.nian, (1900...2100).contains(first) {
            var end = afterFirst + 1
            if let (month, afterMonth) = DateNumber.read(scalars, at: end), afterMonth < scalars.count,
                scalars[afterMonth] == Self.yue, (1...12).contains(month)
            {
                end = afterMonth + 1
                if let (day, afterDay) = DateNumber.read(scalars, at: end), afterDay < scalars.count,
                    Self.dayWords.contains(scalars[afterDay]), let date = CalendarDay(year: first, month: month, day: day)
                {
                    end = afterDay + 1
                    if hasWeekday(scalars, at: end) {
                        mentions.datelines.append(date)
                    } else if !isForward {
                        mentions.fullDates.append(date)
                    }
                    return end
                }
                // 2023年1-7月, 2023年7月: statistics of that year through that month.
                if !isForward { mentions.years.append(first) }
                return end
            }
            // 到2025年, 2025年前, 2025年底前: a target; 较2017年: a comparison base, not the page's year.
            let isBase = index > 0 && Self.comparisonMarks.contains(scalars[index - 1])
            var tail = end
            if tail < scalars.count, Self.yearParts.contains(scalars[tail]) { tail += 1 }  // 年底 年末
            // …but 2023年前7个月 is the year's statistics.
            let isTarget = Self.targetTails.contains { Scalars.matches($0, in: scalars, at: tail) }
                && DateNumber.read(scalars, at: tail + 1) == nil
            // 从2016年起, 2016年以来: a year the page is later than.
            let isPast = (index > 0 && Self.fromMarks.contains(scalars[index - 1]))
                || Self.sinceTails.contains { Scalars.matches($0, in: scalars, at: end) }
            if isPast {
                mentions.pastYears.append(first)
            } else if !isForward, !isBase, !isTarget {
                mentions.years.append(first)
            }
            return end
        }
        // 2023-08-31, 2023.08.31, 2023/08/31
        if (1900...2100).contains(first), afterFirst - index == 4, Self.dateSeparators.contains(next),
            let (month, afterMonth) = DateNumber.read(scalars, at: afterFirst + 1), afterMonth < scalars.count,
            scalars[afterMonth] == next, let (day, afterDay) = DateNumber.read(scalars, at: afterMonth + 1),
            let date = CalendarDay(year: first, month: month, day: day)
        {
            if hasWeekday(scalars, at: afterDay) {
                mentions.datelines.append(date)
            } else if !isForward {
                mentions.fullDates.append(date)
            }
            return afterDay
        }
        // 8月30日
        if next == Self.yue, (1...12).contains(first),
            let (day, afterDay) = DateNumber.read(scalars, at: afterFirst + 1), afterDay < scalars.count,
            Self.dayWords.contains(scalars[afterDay]), (1...31).contains(day)
        {
            if !isForward { mentions.monthDays.append((first, day)) }
            return afterDay + 1
        }
        // 1-7月, 1至7月, 1月至7月: statistics through the second month.
        if (1...12).contains(first) {
            var cursor = afterFirst
            if cursor < scalars.count, scalars[cursor] == Self.yue { cursor += 1 }
            if cursor < scalars.count, Self.rangeConnectors.contains(scalars[cursor]),
                let (last, afterLast) = DateNumber.read(scalars, at: cursor + 1), afterLast < scalars.count,
                scalars[afterLast] == Self.yue, last > first, last <= 12,
                afterLast + 1 >= scalars.count || !Self.dayStarts(scalars, at: afterLast + 1)
            {
                if !isForward, first == 1 { mentions.dataThroughMonth = max(mentions.dataThroughMonth ?? 0, last) }
                return afterLast + 1
            }
        }
        return afterFirst
    }

    /// 前7个月 → 7, 前三季度 → 9, 上半年 → 6, 一季度 → 3.
    private static func statisticsMonth(_ scalars: [UInt32], at index: Int) -> (Int, Int)? {
        if Scalars.matches(Self.firstHalf, in: scalars, at: index) { return (6, index + Self.firstHalf.count) }
        guard scalars[index] == Self.qian, let (count, end) = DateNumber.read(scalars, at: index + 1) else { return nil }
        if Scalars.matches(Self.months, in: scalars, at: end), (1...11).contains(count) {
            return (count, end + Self.months.count)
        }
        if Scalars.matches(Self.quarters, in: scalars, at: end), (1...3).contains(count) {
            return (count * 3, end + Self.quarters.count)
        }
        return nil
    }

    /// Whether the words just before `index` look forward (将于, 计划, 预计, 到, 力争): a plan, not a report.
    private static func looksForward(_ scalars: [UInt32], before index: Int) -> Bool {
        for word in Self.forwardWords where Scalars.matches(word, in: scalars, endingAt: index) { return true }
        return false
    }

    /// Whether a weekday follows at `index`, spaces and brackets allowed (星期四, 周四, （星期四）).
    private static func hasWeekday(_ scalars: [UInt32], at index: Int) -> Bool {
        var cursor = index
        while cursor < scalars.count, cursor - index < 3, ScalarClass.isSpace(scalars[cursor]) || Self.openers.contains(scalars[cursor]) {
            cursor += 1
        }
        for word in Self.weekdayWords where Scalars.matches(word, in: scalars, at: cursor) {
            let dayAt = cursor + word.count
            return dayAt < scalars.count && Self.weekdayNames.contains(scalars[dayAt])
        }
        return false
    }

    private static func dayStarts(_ scalars: [UInt32], at index: Int) -> Bool {
        DateNumber.read(scalars, at: index) != nil
    }

    // MARK: - Words

    static let nian: UInt32 = 0x5E74  // 年
    static let yue: UInt32 = 0x6708  // 月
    static let qian: UInt32 = 0x524D  // 前
    static let dayWords = Scalars.set("日号")
    static let comparisonMarks = Scalars.set("较比同与")
    static let targetTails: [[UInt32]] = ["前", "以前", "建成", "完成", "竣工", "投产", "实现", "达到"].map(\.scalarValues)
    static let yearParts = Scalars.set("底末内")
    static let fromMarks = Scalars.set("从自")
    static let sinceTails: [[UInt32]] = ["以来", "起"].map(\.scalarValues)
    static let dateSeparators = Scalars.set("-./")
    static let rangeConnectors = Scalars.set("至到-－—–~～")
    static let openers = Scalars.set("（(")
    static let firstHalf = "上半年".scalarValues
    static let months = "个月".scalarValues
    static let quarters = "季度".scalarValues
    static let weekdayWords: [[UInt32]] = ["星期", "礼拜", "周"].map(\.scalarValues)
    static let weekdayNames = Scalars.set("一二三四五六日天")
    static let forwardWords: [[UInt32]] = [
        "将于", "将在", "将", "计划于", "计划", "预计于", "预计", "定于", "拟于", "拟", "力争", "争取", "届时", "到", "为",
    ].map(\.scalarValues)
}
