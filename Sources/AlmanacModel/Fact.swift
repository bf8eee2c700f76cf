/// A reported figure with what it measures, when and where, and the sentence it came from.
///
/// Encodes as the JSON object SPEC.md gives for `almanac extract`; `seq` is set for facts read
/// from whole pages (the article's sequence number), else `nil` and left out.
public struct Fact: Sendable, Hashable, Codable {
    /// The figure itself, offsets relative to the text it was read from.
    public var quantity: Quantity
    /// The shortest noun phrase saying what is measured (`工业增加值`), "" if none.
    public var indicator: String
    /// The change word (`同比增长`, `下降`, `高于` …), or `nil` when the figure is a level.
    public var change: String?
    /// The period phrase of the figure's sentence or clause (`前7个月`, `上半年`), "" if none.
    public var period: String
    /// The period resolved against the page's date, when both are known.
    public var resolvedPeriod: DateRange?
    /// The place the figure is about (`岚江市`, `全省`), "" if none.
    public var place: String
    /// The sentence the figure was read from.
    public var sentence: String
    /// The article's sequence number on its page, for facts read from pages.
    public var seq: Int?

    /// Creates a fact.
    public init(
        quantity: Quantity, indicator: String = "", change: String? = nil, period: String = "", place: String = "",
        sentence: String = "", seq: Int? = nil, resolvedPeriod: DateRange? = nil
    ) {
        self.resolvedPeriod = resolvedPeriod
        self.quantity = quantity
        self.indicator = indicator
        self.change = change
        self.period = period
        self.place = place
        self.sentence = sentence
        self.seq = seq
    }

    enum CodingKeys: String, CodingKey {
        case text, start, end, value, low, high, unit, approx, indicator, change, period, place, sentence, seq
        case periodStart = "period_start"
        case periodEnd = "period_end"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        quantity = Quantity(
            start: try container.decodeIfPresent(Int.self, forKey: .start) ?? 0,
            end: try container.decodeIfPresent(Int.self, forKey: .end) ?? 0,
            text: try container.decode(String.self, forKey: .text),
            value: try container.decode(Double.self, forKey: .value),
            low: try container.decodeIfPresent(Double.self, forKey: .low),
            high: try container.decodeIfPresent(Double.self, forKey: .high),
            unit: try container.decodeIfPresent(String.self, forKey: .unit) ?? "",
            approx: try container.decodeIfPresent(Bool.self, forKey: .approx) ?? false)
        indicator = try container.decodeIfPresent(String.self, forKey: .indicator) ?? ""
        change = try container.decodeIfPresent(String.self, forKey: .change)
        period = try container.decodeIfPresent(String.self, forKey: .period) ?? ""
        place = try container.decodeIfPresent(String.self, forKey: .place) ?? ""
        sentence = try container.decodeIfPresent(String.self, forKey: .sentence) ?? ""
        seq = try container.decodeIfPresent(Int.self, forKey: .seq)
        if let start = try container.decodeIfPresent(String.self, forKey: .periodStart),
            let end = try container.decodeIfPresent(String.self, forKey: .periodEnd)
        {
            resolvedPeriod = DateRange(start: start, end: end)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(quantity.text, forKey: .text)
        try container.encode(quantity.start, forKey: .start)
        try container.encode(quantity.end, forKey: .end)
        try container.encode(quantity.value, forKey: .value)
        try container.encode(quantity.low, forKey: .low)
        try container.encode(quantity.high, forKey: .high)
        try container.encode(quantity.unit, forKey: .unit)
        try container.encode(quantity.approx, forKey: .approx)
        try container.encode(indicator, forKey: .indicator)
        try container.encode(change, forKey: .change)
        try container.encode(period, forKey: .period)
        try container.encode(place, forKey: .place)
        try container.encode(sentence, forKey: .sentence)
        try container.encodeIfPresent(seq, forKey: .seq)
        try container.encodeIfPresent(resolvedPeriod?.start, forKey: .periodStart)
        try container.encodeIfPresent(resolvedPeriod?.end, forKey: .periodEnd)
    }
}
