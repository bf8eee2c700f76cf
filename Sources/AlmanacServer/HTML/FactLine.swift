import AlmanacStore

/// A fact as a row of a table: its figure, what it measures, when and where, and where it came from.
struct FactLine {
    var id: Int64
    var text: String
    var value: String
    var indicator: String?
    var change: String?
    var period: String?
    var place: String?
    var sentence: String
    var date: String
    var articleID: Int64
    var headline: String
    /// The fact in its article: `/articles/12#fact-34`.
    var href: String
    /// The indicator's series, when the fact names an indicator.
    var seriesHref: String?

    init(_ stored: StoredFact) {
        let fact = stored.fact
        id = stored.id
        text = fact.quantity.text
        value = Figure.format(fact.quantity.value, unit: fact.quantity.unit)
        indicator = fact.indicator.isEmpty ? nil : fact.indicator
        change = fact.change
        period = fact.period.isEmpty ? nil : fact.period
        place = fact.place.isEmpty ? nil : fact.place
        sentence = fact.sentence
        date = stored.date ?? ""
        articleID = stored.articleID
        headline = stored.headline
        href = "/articles/\(stored.articleID)#fact-\(stored.id)"
        seriesHref =
            fact.indicator.isEmpty
            ? nil : HTMLText.link("/series", [("indicator", fact.indicator), ("place", fact.place)])
    }

    /// What a fact's highlight says when pointed at: `工业增加值 · 上半年 · 岚江市 · 同比增长`.
    static func summary(_ stored: StoredFact) -> String {
        let fact = stored.fact
        return [fact.indicator, fact.period, fact.place, fact.change ?? ""].filter { !$0.isEmpty }
            .joined(separator: " · ")
    }
}
