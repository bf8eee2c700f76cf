import AlmanacModel
import AlmanacStore

/// Invented pages about an invented city (岚江市) with hand-built facts and mentions, as ingest would
/// hand them to a store: what the fact and entity conformance tests store and query.
enum ArchiveFixture {
    static func page(_ name: String, date: String?) -> Page {
        Page(
            source: "/pages/\(name)", sha256: StoreConformanceTests.sha256(name), paper: "岚江日报", date: date,
            dateSource: date == nil ? nil : .given, number: 1, text: "raw text of \(name)")
    }

    /// Scalar offsets of the first `needle` in `text`.
    static func span(of needle: String, in text: String) -> (start: Int, end: Int) {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        for start in 0...(haystack.count - pattern.count)
        where Array(haystack[start..<start + pattern.count]) == pattern {
            return (start, start + pattern.count)
        }
        preconditionFailure("\(needle) is not in \(text)")
    }

    /// A fact read from `body`: the figure `text` in `sentence`.
    static func fact(
        _ text: String, _ value: Double, _ unit: String, indicator: String, change: String? = nil,
        period: String = "", resolved: (String, String)? = nil, place: String = "", sentence: String, body: String,
        approx: Bool = false
    ) -> Fact {
        let (start, end) = span(of: text, in: body)
        return Fact(
            quantity: Quantity(start: start, end: end, text: text, value: value, unit: unit, approx: approx),
            indicator: indicator, change: change, period: period, place: place, sentence: sentence,
            resolvedPeriod: resolved.map { DateRange(start: $0.0, end: $0.1) })
    }

    static func mention(
        _ text: String, _ kind: EntityKind, name: String? = nil, project: ProjectDetails? = nil, in body: String
    ) -> Mention {
        let (start, end) = span(of: text, in: body)
        return Mention(text: text, kind: kind, start: start, end: end, name: name, project: project)
    }

    static let steel = "岚江钢铁集团有限公司"
    static let materials = "岚江新材料产业园项目"
    static let logistics = "滨河物流中心项目"

    // MARK: - March

    static let marchGrowth = "一季度，岚江市规模以上工业增加值同比增长6.5%。"
    static let marchOutput = "岚江钢铁集团有限公司完成产值12亿元。"
    static let marchBody1 = marchGrowth + marchOutput
    static let marchBody2 = "总投资15亿元的岚江新材料产业园项目昨日开工。"

    static let march = ExtractedPage(
        page: page("2024-03-05_p1.txt", date: "2024-03-05"),
        articles: [
            ExtractedArticle(
                article: Article(seq: 1, headline: "岚江一季度工业增加值增长", section: "经济", body: marchBody1),
                facts: [
                    (
                        .body,
                        fact(
                            "6.5%", 6.5, "%", indicator: "规模以上工业增加值", change: "同比增长", period: "一季度",
                            resolved: ("2024-01-01", "2024-03-31"), place: "岚江市", sentence: marchGrowth,
                            body: marchBody1)
                    ),
                    (
                        .body,
                        fact("12亿元", 1.2e9, "元", indicator: "产值", sentence: marchOutput, body: marchBody1)
                    ),
                ],
                mentions: [
                    (.body, mention("岚江市", .place, in: marchBody1)),
                    (.body, mention(steel, .organization, in: marchBody1)),
                ]),
            ExtractedArticle(
                article: Article(seq: 2, headline: "新材料产业园项目开工", section: "经济", body: marchBody2),
                facts: [
                    fact("15亿元", 1.5e9, "元", indicator: "总投资", sentence: marchBody2, body: marchBody2)
                ],
                mentions: [
                    mention(
                        materials, .project,
                        project: ProjectDetails(investment: 1.5e9, stage: "开工", place: "岚江市", sector: "新材料"),
                        in: marchBody2)
                ]),
        ])

    // MARK: - June

    static let juneGrowth = "上半年，岚江市规上工业增加值同比增长7.1%。"
    static let juneOutput = "岚钢产值达到25亿元。"
    static let juneBody1 = juneGrowth + juneOutput
    static let juneBody2 = "岚江新材料产业园项目正式投产。"
    static let juneCaption = "滨河物流中心项目签约，投资3亿元。"

    static let june = ExtractedPage(
        page: page("2024-06-18_p1.txt", date: "2024-06-18"),
        articles: [
            ExtractedArticle(
                article: Article(seq: 1, headline: "上半年工业增加值稳步增长", section: "经济", body: juneBody1),
                facts: [
                    fact(
                        "7.1%", 7.1, "%", indicator: "规上工业增加值", change: "同比增长", period: "上半年",
                        resolved: ("2024-01-01", "2024-06-30"), place: "岚江市", sentence: juneGrowth,
                        body: juneBody1),
                    fact("25亿元", 2.5e9, "元", indicator: "产值", sentence: juneOutput, body: juneBody1),
                ],
                mentions: [
                    mention("岚江市", .place, in: juneBody1),
                    mention("岚钢", .organization, name: steel, in: juneBody1),
                ]),
            ExtractedArticle(
                article: Article(
                    seq: 2, headline: "产业园投产 物流中心签约", section: "经济", kind: .photo, captions: [juneCaption],
                    body: juneBody2),
                facts: [
                    (
                        .caption,
                        fact("3亿元", 3e8, "元", indicator: "投资", sentence: juneCaption, body: juneCaption)
                    )
                ],
                mentions: [
                    (.body, mention(materials, .project, project: ProjectDetails(stage: "投产"), in: juneBody2)),
                    (
                        .caption,
                        mention(
                            logistics, .project,
                            project: ProjectDetails(investment: 3e8, stage: "签约", place: "临川区", sector: "物流"),
                            in: juneCaption)
                    ),
                ]),
        ])

    // MARK: - July: the first quarter again, revised

    static let julyGrowth = "经核实，一季度岚江市规模以上工业增加值同比增长6.6%。"

    static let july = ExtractedPage(
        page: page("2024-07-01_p2.txt", date: "2024-07-01"),
        articles: [
            ExtractedArticle(
                article: Article(seq: 1, headline: "一季度数据修订", section: "经济", body: julyGrowth),
                facts: [
                    fact(
                        "6.6%", 6.6, "%", indicator: "规模以上工业增加值", change: "同比增长", period: "一季度",
                        resolved: ("2024-01-01", "2024-03-31"), place: "岚江市", sentence: julyGrowth,
                        body: julyGrowth)
                ],
                mentions: [mention("岚江市", .place, in: julyGrowth)])
        ])

    /// June reprocessed: the logistics project and the steel maker are no longer found.
    static let juneAgain = ExtractedPage(
        page: june.page,
        articles: [
            ExtractedArticle(
                article: Article(seq: 1, headline: "上半年工业增加值稳步增长", section: "经济", body: juneGrowth + "夜市繁荣。"),
                facts: [
                    fact(
                        "7.1%", 7.1, "%", indicator: "规上工业增加值", change: "同比增长", period: "上半年",
                        resolved: ("2024-01-01", "2024-06-30"), place: "岚江市", sentence: juneGrowth,
                        body: juneGrowth)
                ],
                mentions: [mention("岚江市", .place, in: juneGrowth)])
        ])

    static let all = [march, june, july]
}
