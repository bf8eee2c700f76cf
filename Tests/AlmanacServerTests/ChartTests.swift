@testable import AlmanacServer
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The SVG chart is drawn in Swift: it must be well-formed XML, link every point, and place
/// points in order of time and value.
struct ChartTests {
    static let points: [SeriesChart.Point] = [
        .init(day: "2024-07-31", value: 7.4, href: "/articles/2#fact-1", label: "上半年 7.4%"),
        .init(day: "2024-03-31", value: 6.1, href: "/articles/1#fact-3", label: "一季度 6.1%"),
        .init(day: "2024-09-30", value: 8.2, href: "/articles/3#fact-2", label: "前三季度 8.2% <b>&"),
    ]

    /// Parses `svg` as XML and returns the names of its elements and every `href`.
    static func parse(_ svg: String) throws -> (elements: [String], hrefs: [String], circles: [(Double, Double)]) {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var hrefs: [String] = []
            var circles: [(Double, Double)] = []
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                elements.append(name)
                if let href = attributes["href"] { hrefs.append(href) }
                if name == "circle", let x = attributes["cx"].flatMap(Double.init), let y = attributes["cy"].flatMap(Double.init) {
                    circles.append((x, y))
                }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw TestArchiveError(message: "not well-formed: \(String(describing: parser.parserError))") }
        return (collector.elements, collector.hrefs, collector.circles)
    }

    @Test func aSeriesIsWellFormedAndLinksEveryPoint() throws {
        let svg = SeriesChart(points: Self.points, unit: "%", title: "工业增加值 <增速>").svg()
        let parsed = try Self.parse(svg)
        #expect(parsed.elements.first == "svg")
        #expect(parsed.hrefs == ["/articles/1#fact-3", "/articles/2#fact-1", "/articles/3#fact-2"])
        #expect(parsed.elements.filter { $0 == "polyline" }.count == 1)
        // Later days lie further right; larger values higher up (smaller y).
        let xs = parsed.circles.map(\.0)
        let ys = parsed.circles.map(\.1)
        #expect(xs == xs.sorted())
        #expect(ys[0] > ys[1] && ys[1] > ys[2])
        #expect(svg.contains("前三季度 8.2% &lt;b&gt;&amp;"))
        #expect(svg.contains("viewBox=\"0 0 720 320\""))
    }

    @Test func onePointAndNoPointStillDraw() throws {
        let one = try Self.parse(SeriesChart(points: [Self.points[0]], unit: "%", title: "t").svg())
        #expect(one.circles.count == 1)
        #expect(!one.elements.contains("polyline"))
        let none = try Self.parse(SeriesChart(points: [], unit: "元", title: "t").svg())
        #expect(none.circles.isEmpty)
        let undated = try Self.parse(
            SeriesChart(points: [.init(day: "", value: 1, href: "/", label: "")], unit: "元", title: "t").svg())
        #expect(undated.circles.isEmpty)
    }

    @Test(arguments: [
        (6.1, 8.2, 6.0, 8.5, 0.5),
        (2.0, 9.0, 0.0, 10.0, 2.0),
        (0.5, 0.9, 0.5, 0.9, 0.1),
        (120.0, 130.0, 120.0, 130.0, 2.0),
        (-3.0, 4.0, -4.0, 4.0, 2.0),
        (5.0, 5.0, 4.4, 5.6, 0.2),
        (1.2e9, 8.6e9, 0.0, 1e10, 2e9),
    ])
    func valueAxesAreRound(min: Double, max: Double, low: Double, high: Double, step: Double) {
        let scale = SeriesChart.niceScale(min: min, max: max)
        #expect(abs(scale.low - low) < 1e-9 * Swift.max(1, abs(low)))
        #expect(abs(scale.high - high) < 1e-9 * Swift.max(1, abs(high)))
        #expect(abs(scale.step - step) < 1e-9 * step)
    }

    @Test func daysRoundTrip() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2023-03-01"] {
            #expect(Day.number(text).map(Day.text) == text)
        }
        #expect(Day.number("2024-01-01") == 19723)
        #expect(Day.number("2024-13-01") == nil)
        #expect(Day.number("上半年") == nil)
    }

    @Test func figuresReadAsAPageWritesThem() {
        #expect(Figure.format(1.25e9, unit: "元") == "12.5亿元")
        #expect(Figure.format(32000, unit: "人") == "3.2万人")
        #expect(Figure.format(7.40, unit: "%") == "7.4%")
        #expect(Figure.format(120000, unit: "%") == "120000%")
        #expect(Figure.format(12, unit: "个") == "12个")
    }
}
