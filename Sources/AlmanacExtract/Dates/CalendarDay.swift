import AlmanacModel

/// A day of the Gregorian calendar, without time or zone: the unit page dates and periods are told in.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The day, or `nil` when no such day exists (2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        let day = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(month)-\(day)"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - Arithmetic

    /// The first day of `month` of `year` (months past 12 or below 1 roll into the next or last year).
    static func first(ofMonth month: Int, year: Int) -> CalendarDay? {
        let (year, month) = normalized(month: month, year: year)
        return CalendarDay(year: year, month: month, day: 1)
    }

    /// The last day of `month` of `year`.
    static func last(ofMonth month: Int, year: Int) -> CalendarDay? {
        let (year, month) = normalized(month: month, year: year)
        return CalendarDay(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// The day `count` days later (earlier when negative).
    func adding(days count: Int) -> CalendarDay {
        let number = dayNumber + count
        return Self(dayNumber: number)
    }

    /// The same day `count` months later, past the end of a shorter month becoming its last day.
    func adding(months count: Int) -> CalendarDay {
        let (year, month) = Self.normalized(month: month + count, year: year)
        return CalendarDay(year: year, month: month, day: min(day, Self.daysIn(month: month, year: year))) ?? self
    }

    /// The same day `count` years later, 29 February becoming the 28th.
    func adding(years count: Int) -> CalendarDay {
        let year = year + count
        return CalendarDay(year: year, month: month, day: min(day, Self.daysIn(month: month, year: year))) ?? self
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func normalized(month: Int, year: Int) -> (Int, Int) {
        let index = year * 12 + (month - 1)
        return (index >= 0 ? index / 12 : (index - 11) / 12, ((index % 12) + 12) % 12 + 1)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar.
    private var dayNumber: Int {
        let shifted = month <= 2 ? year - 1 : year
        let monthIndex = (month + 9) % 12
        return 365 * shifted + shifted / 4 - shifted / 100 + shifted / 400 + (153 * monthIndex + 2) / 5 + day - 1
    }

    private init(dayNumber: Int) {
        var year = (10000 * dayNumber + 14780) / 3_652_425
        var dayOfYear = dayNumber - (365 * year + year / 4 - year / 100 + year / 400)
        if dayOfYear < 0 {
            year -= 1
            dayOfYear = dayNumber - (365 * year + year / 4 - year / 100 + year / 400)
        }
        let monthIndex = (100 * dayOfYear + 52) / 3060
        self.month = (monthIndex + 2) % 12 + 1
        self.year = year + (monthIndex + 2) / 12
        self.day = dayOfYear - (monthIndex * 306 + 5) / 10 + 1
    }
}

extension DateRange {
    /// The range from `start` through `end`.
    public init(_ start: CalendarDay, _ end: CalendarDay) {
        self.init(start: start.description, end: end.description)
    }
}
