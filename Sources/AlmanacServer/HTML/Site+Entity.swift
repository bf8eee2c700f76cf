import AlmanacModel
import AlmanacStore
import Hummingbird

/// `/entities/{id}`: a company, place, person or project: its mentions over time and facts about it.
extension Site {
    struct EntityView {
        struct MentionLine {
            var date: String
            var articleID: Int64
            var headline: String
            var text: String
        }
        var id: Int64
        var name: String
        var kind: String
        var kindLabel: String
        var aliases: String?
        var mentionCount: Int
        var articleCount: Int
        var firstDate: String?
        var lastDate: String?
        var investment: String?
        var stage: String?
        var place: String?
        var sector: String?
        var chartSVG: String
        var mentions: [MentionLine]
        var facts: [FactLine]
        var searchHref: String
    }

    static func kindLabel(_ kind: EntityKind) -> String {
        switch kind {
        case .organization: "机构 organization"
        case .place: "地点 place"
        case .person: "人物 person"
        case .project: "项目 project"
        }
    }

    func entity(_ context: BasicRequestContext) async throws -> Response {
        let api = ArchiveAPI(store: store, configuration: configuration, openAPIDocument: .init())
        let detail = try await api.fetchEntity(id: try context.pathID(), limit: 500)
        let entity = detail.entity
        let bars = BarChart.months(of: detail.mentions.compactMap(\.date)) { month in
            HTMLText.link("/search", [("q", entity.name), ("entity", entity.name), ("from", "\(month)-01"), ("to", "\(month)-31")])
        }
        let view = EntityView(
            id: entity.id, name: entity.name, kind: entity.kind.rawValue, kindLabel: Self.kindLabel(entity.kind),
            aliases: entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: "、"),
            mentionCount: entity.mentions, articleCount: entity.articles, firstDate: entity.firstDate,
            lastDate: entity.lastDate, investment: entity.project?.investment.map { Figure.format($0, unit: "元") },
            stage: entity.project?.stage, place: entity.project?.place, sector: entity.project?.sector,
            chartSVG: BarChart(bars: bars, title: "\(entity.name) 每月提及 mentions per month").svg(),
            mentions: detail.mentions.prefix(100).map {
                .init(date: $0.date ?? "", articleID: $0.articleID, headline: $0.headline, text: $0.text)
            },
            facts: detail.facts.map(FactLine.init),
            searchHref: HTMLText.link("/search", [("q", entity.name), ("entity", entity.name)]))
        return try render("entity", view)
    }
}
