import Foundation
import AlmanacExtract
import AlmanacModel

/// A page's issue date, decided the same way wherever a page comes in (`almanac ingest`, an upload,
/// `almanac extract --page`): the date given for it, else a date in its file name (both `given`),
/// else the date its text implies (`inferred`, see ``PageDateInference``).
public enum PageDate {
    /// The decided date, how it was learnt, and the estimate when it was inferred.
    public struct Decision: Sendable, Hashable {
        public var date: String
        public var source: Page.DateSource
        public var estimate: PageDateEstimate?
    }

    /// The issue date of a page given `given` (a `YYYY-MM-DD` the user set), its file name and its
    /// text; nil when none of them tells.
    public static func decide(given: String?, fileName: String?, text: String) -> Decision? {
        if let given { return Decision(date: given, source: .given, estimate: nil) }
        if let fileName, let named = fromFileName(fileName) {
            return Decision(date: named, source: .given, estimate: nil)
        }
        guard let estimate = PageDateInference.estimate(in: text) else { return nil }
        return Decision(date: estimate.date.description, source: .inferred, estimate: estimate)
    }

    /// Reads a page's issue date out of its file name: `2023-08-31`, `2023_08_31`, `2023.08.31` or `20230831`.
    /// The date as `YYYY-MM-DD`, or nil when the name holds no plausible date.
    public static func fromFileName(_ name: String) -> String? {
        // A scan of the bytes: a regular expression (with a back reference for the separator) cost
        // a fiftieth of an ingest's CPU time.
        let bytes = Array(name.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func number(_ start: Int, _ count: Int) -> Int {
            bytes[start..<start + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        var start = 0
        while start + 8 <= bytes.count {
            defer { start += 1 }
            // A run of digits starting here, not inside a longer one, beginning 19 or 20.
            guard start == 0 || !isDigit(start - 1), (0..<4).allSatisfy({ isDigit(start + $0) }),
                bytes[start] == 0x31 && bytes[start + 1] == 0x39 || bytes[start] == 0x32 && bytes[start + 1] == 0x30
            else { continue }
            var month = start + 4
            var separator: UInt8?
            if month < bytes.count, [0x2D, 0x5F, 0x2E].contains(bytes[month]) {
                separator = bytes[month]
                month += 1
            }
            guard isDigit(month), isDigit(month + 1) else { continue }
            var day = month + 2
            if let separator {
                guard day < bytes.count, bytes[day] == separator else { continue }
                day += 1
            }
            guard isDigit(day), isDigit(day + 1), !isDigit(day + 2) else { continue }
            let (year, monthValue, dayValue) = (number(start, 4), number(month, 2), number(day, 2))
            guard (1...12).contains(monthValue), (1...daysIn(month: monthValue, year: year)).contains(dayValue) else {
                continue
            }
            return String(format: "%04d-%02d-%02d", year, monthValue, dayValue)
        }
        return nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
