import AlmanacStore
import Hummingbird

/// `/indicators` and `/series`: what the papers measure, and one indicator's figures over time.
extension Site {
    struct IndicatorLine {
        var name: String
        var count: Int
        var href: String

        init(_ indicator: IndicatorCount) {
            name = indicator.indicator
            count = indicator.facts
            href = HTMLText.link("/series", [("indicator", indicator.indicator)])
        }
    }

    struct IndicatorListView {
        var indicators: [IndicatorLine]
        var next: String?
    }

    func indicators(_ request: Request) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), maxPageSize: configuration.maxPageSize, defaultLimit: 100, filters: [])
        let (items, next) = paging.page(try await store.fetchIndicators(limit: paging.fetchLimit, offset: paging.offset))
        let view = IndicatorListView(
            indicators: items.map(IndicatorLine.init), next: next.map { HTMLText.link("/indicators", [("cursor", $0)]) })
        return try render("indicators", view)
    }

    struct SeriesView {
        struct Group {
            var place: String
            var unit: String
            var change: String?
            var chartSVG: String
            var points: [Point]
        }
        struct Point {
            var period: String
            var value: String
            var text: String
            var date: String
            var reports: Int
            var href: String
            var headline: String
        }
        var indicator: String
        var place: String?
        var groups: [Group]
    }

    func series(_ request: Request) async throws -> Response {
        let api = ArchiveAPI(store: store, configuration: configuration, openAPIDocument: .init())
        let (indicator, place) = try api.seriesParameters(QueryParameters(request.uri.query))
        let series = try await store.fetchSeries(indicator: indicator, place: place)
        let groups = series.prefix(20).map { series -> SeriesView.Group in
            let points = series.points.map { point in
                SeriesView.Point(
                    period: point.period.isEmpty ? "—" : point.period, value: Figure.format(point.value, unit: series.unit),
                    text: point.text, date: point.source.date ?? "", reports: point.reports,
                    href: "/articles/\(point.source.articleID)#fact-\(point.source.id)", headline: point.source.headline)
            }
            let chartPoints = series.points.map { point in
                SeriesChart.Point(
                    day: point.periodEnd ?? point.source.date ?? "", value: point.value,
                    href: "/articles/\(point.source.articleID)#fact-\(point.source.id)",
                    label: "\(point.period) \(point.text)（\(point.source.date ?? "")）")
            }
            let title = [series.place, series.indicator, series.change ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
            return .init(
                place: series.place.isEmpty ? "（未注明地点）" : series.place, unit: series.unit, change: series.change,
                chartSVG: SeriesChart(points: chartPoints, unit: series.unit, title: title).svg(), points: points)
        }
        return try render("series", SeriesView(indicator: indicator, place: place, groups: Array(groups)))
    }
}
