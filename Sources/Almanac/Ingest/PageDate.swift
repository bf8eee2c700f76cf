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
        let pattern = /(?:^|[^0-9])((?:19|20)[0-9]{2})([-_.]?)([0-9]{2})\2([0-9]{2})(?:[^0-9]|$)/
        for match in name.matches(of: pattern) {
            guard let year = Int(match.output.1), let month = Int(match.output.3), let day = Int(match.output.4),
                (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
            else { continue }
            return "\(year)-\(match.output.3)-\(match.output.4)"
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
