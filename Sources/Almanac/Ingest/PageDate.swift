/// Reads a page's issue date out of its file name: `2023-08-31`, `2023_08_31`, `2023.08.31` or `20230831`.
public enum PageDate {
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
