/// Every reported figure of one indicator for one place, one per period: what `almanac series` prints.
///
/// Facts are grouped by (place, indicator key, unit, change), so `增长 7.4%` and a level in 元 of
/// the same indicator are separate series.
public struct Series: Sendable, Hashable, Codable {
    public var place: String
    public var indicatorKey: String
    /// The indicator as printed in the series' latest report.
    public var indicator: String
    public var unit: String
    public var change: String?
    /// Earliest period first.
    public var points: [SeriesPoint]

    public init(
        place: String, indicatorKey: String, indicator: String, unit: String, change: String?, points: [SeriesPoint]
    ) {
        self.place = place
        self.indicatorKey = indicatorKey
        self.indicator = indicator
        self.unit = unit
        self.change = change
        self.points = points
    }
}

/// One period of a series: the figure reported for it, and where it was reported.
public struct SeriesPoint: Sendable, Hashable, Codable {
    /// The period phrase as printed (`前7个月`), "" if none.
    public var period: String
    /// The resolved period, when the page date was known.
    public var periodStart: String?
    public var periodEnd: String?
    public var value: Double
    public var low: Double?
    public var high: Double?
    public var approx: Bool
    /// The figure as printed.
    public var text: String
    /// How many facts reported a figure for this period; the latest report (by page date, then
    /// storage order) is the one shown.
    public var reports: Int
    /// The fact shown, and its source.
    public var source: StoredFact

    public init(
        period: String, periodStart: String?, periodEnd: String?, value: Double, low: Double?, high: Double?,
        approx: Bool, text: String, reports: Int, source: StoredFact
    ) {
        self.period = period
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.value = value
        self.low = low
        self.high = high
        self.approx = approx
        self.text = text
        self.reports = reports
        self.source = source
    }
}

extension Series {
    /// The series `facts` make: grouped by (place, indicator key, unit, change), one point per period.
    ///
    /// A period is the resolved date range when there is one, else the period phrase on its page's
    /// date (on an undated page, each such fact is a period of its own). Series with more points come
    /// first, then by place, unit and change.
    public static func make(from facts: [StoredFact]) -> [Series] {
        struct GroupKey: Hashable {
            var place, indicatorKey, unit: String
            var change: String?
        }
        var groups: [GroupKey: [StoredFact]] = [:]
        var order: [GroupKey] = []
        for fact in facts {
            let key = GroupKey(
                place: fact.fact.place, indicatorKey: fact.indicatorKey, unit: fact.fact.quantity.unit,
                change: fact.fact.change)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(fact)
        }
        let series = order.map { key -> Series in
            let members = groups[key] ?? []
            var byPeriod: [String: [StoredFact]] = [:]
            for fact in members { byPeriod[periodKey(of: fact), default: []].append(fact) }
            let points = byPeriod.values.map { reports -> SeriesPoint in
                let shown = reports.max(by: isReportedBefore) ?? reports[0]
                let quantity = shown.fact.quantity
                return SeriesPoint(
                    period: shown.fact.period, periodStart: shown.fact.resolvedPeriod?.start,
                    periodEnd: shown.fact.resolvedPeriod?.end, value: quantity.value, low: quantity.low,
                    high: quantity.high, approx: quantity.approx, text: quantity.text, reports: reports.count,
                    source: shown)
            }.sorted(by: isEarlier)
            let latest = members.max(by: isReportedBefore)
            return Series(
                place: key.place, indicatorKey: key.indicatorKey, indicator: latest?.fact.indicator ?? "",
                unit: key.unit, change: key.change, points: points)
        }
        return series.sorted { left, right in
            if left.points.count != right.points.count { return left.points.count > right.points.count }
            if left.place != right.place { return left.place < right.place }
            if left.unit != right.unit { return left.unit < right.unit }
            return (left.change ?? "") < (right.change ?? "")
        }
    }

    /// A fact on an undated page whose period is not resolved has a period of its own.
    static func periodKey(of fact: StoredFact) -> String {
        if let period = fact.fact.resolvedPeriod { return "\(period.start)/\(period.end)" }
        guard let date = fact.date else { return "#\(fact.id)" }
        return "\(fact.fact.period)@\(date)"
    }

    /// Whether `left` was reported before `right`: earlier page date (undated first), then stored earlier.
    static func isReportedBefore(_ left: StoredFact, _ right: StoredFact) -> Bool {
        if left.date != right.date { return (left.date ?? "") < (right.date ?? "") }
        return left.id < right.id
    }

    /// Point order: by period end (or page date), then start, then period phrase.
    static func isEarlier(_ left: SeriesPoint, _ right: SeriesPoint) -> Bool {
        let leftEnd = left.periodEnd ?? left.source.date ?? ""
        let rightEnd = right.periodEnd ?? right.source.date ?? ""
        if leftEnd != rightEnd { return leftEnd < rightEnd }
        let leftStart = left.periodStart ?? ""
        let rightStart = right.periodStart ?? ""
        if leftStart != rightStart { return leftStart < rightStart }
        if left.period != right.period { return left.period < right.period }
        return left.source.id < right.source.id
    }
}
