/// A closed range of calendar days, both ends written `YYYY-MM-DD`.
///
/// `今年前7个月` on a page of 2023-08-31 is `2023-01-01 … 2023-07-31`.
public struct DateRange: Sendable, Hashable, Codable {
    /// The first day.
    public var start: String
    /// The last day, included.
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}
