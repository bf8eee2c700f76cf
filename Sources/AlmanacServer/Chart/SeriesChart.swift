import Foundation

/// One indicator's reported figures over time as an SVG line chart, drawn in Swift.
///
/// Each point is a link to the sentence the figure was read from and carries a `<title>` (the
/// tooltip and what a screen reader says). The SVG has a `viewBox` and no fixed size, so it
/// scales to a phone's width; it needs no script and no stylesheet of its own (colours are
/// presentation attributes, so a Content-Security-Policy without inline styles allows it).
///
/// ```swift
/// let svg = SeriesChart(points: [.init(day: "2024-05-14", value: 7.4, href: "/articles/3#fact-2", label: "7.4%")],
///                       unit: "%", title: "工业增加值").svg()
/// ```
struct SeriesChart: Sendable {
    /// One reported figure.
    struct Point: Sendable, Equatable {
        /// The day the figure is placed at (`YYYY-MM-DD`): the end of its period, else its page's date.
        var day: String
        var value: Double
        /// Where the figure's sentence is (`/articles/12#fact-3`).
        var href: String
        /// What the point's tooltip says (`2024年上半年 同比增长7.4%`).
        var label: String
    }

    var points: [Point]
    var unit: String
    /// The chart's accessible name.
    var title: String
    var width = 720.0
    var height = 320.0

    private let margin = (top: 20.0, right: 24.0, bottom: 44.0, left: 72.0)

    /// The points that have a readable day, in order of day.
    var placed: [(day: Int, point: Point)] {
        points.compactMap { point in Day.number(point.day).map { ($0, point) } }.sorted { $0.day < $1.day }
    }

    /// The chart as a standalone `<svg>` element.
    func svg() -> String {
        let placed = self.placed
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" \
            role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>

            """
        guard let first = placed.first, let last = placed.last, let lowest = placed.map(\.point.value).min(),
            let highest = placed.map(\.point.value).max()
        else {
            svg += "<text x=\"\(width / 2)\" y=\"\(height / 2)\" text-anchor=\"middle\" fill=\"#555\">—</text>\n</svg>"
            return svg
        }
        let plot = (
            x: margin.left, y: margin.top, width: width - margin.left - margin.right,
            height: height - margin.top - margin.bottom
        )
        let (low, high, step) = Self.niceScale(min: lowest, max: highest)
        let firstDay = first.day
        let lastDay = last.day
        let span = Double(max(lastDay - firstDay, 1))
        func x(_ day: Int) -> Double {
            firstDay == lastDay ? plot.x + plot.width / 2 : plot.x + Double(day - firstDay) / span * plot.width
        }
        func y(_ value: Double) -> Double { plot.y + plot.height - (value - low) / (high - low) * plot.height }
        func r(_ value: Double) -> String { String(format: "%.1f", value) }

        // Grid lines and value labels.
        var tick = low
        while tick <= high + step / 2 {
            svg += "<line x1=\"\(r(plot.x))\" y1=\"\(r(y(tick)))\" x2=\"\(r(plot.x + plot.width))\" y2=\"\(r(y(tick)))\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(r(plot.x - 8))\" y=\"\(r(y(tick) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">\(HTMLText.escape(Figure.format(tick, unit: unit)))</text>\n"
            tick += step
        }
        // Day labels: the first and last day, and up to three between.
        var labelled = [firstDay, lastDay]
        if lastDay - firstDay > 60 {
            labelled += (1...3).map { firstDay + (lastDay - firstDay) * $0 / 4 }
        }
        for day in Set(labelled).sorted() {
            // The end labels lean inwards so they are not cut off at the chart's edges.
            let anchor = firstDay == lastDay ? "middle" : day == firstDay ? "start" : day == lastDay ? "end" : "middle"
            svg += "<text x=\"\(r(x(day)))\" y=\"\(r(plot.y + plot.height + 20))\" text-anchor=\"\(anchor)\" font-size=\"12\" fill=\"#555\">\(Day.text(day))</text>\n"
        }
        svg += "<line x1=\"\(r(plot.x))\" y1=\"\(r(plot.y + plot.height))\" x2=\"\(r(plot.x + plot.width))\" y2=\"\(r(plot.y + plot.height))\" stroke=\"#888\"/>\n"
        if placed.count > 1 {
            let line = placed.map { "\(r(x($0.day))),\(r(y($0.point.value)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#b03a2e\" stroke-width=\"2\"/>\n"
        }
        for (day, point) in placed {
            svg += """
                <a href="\(HTMLText.escape(point.href))"><circle cx="\(r(x(day)))" cy="\(r(y(point.value)))" r="6" \
                fill="#b03a2e" stroke="#fff" stroke-width="2"><title>\(HTMLText.escape(point.label))</title></circle></a>

                """
        }
        svg += "</svg>"
        return svg
    }

    /// A value axis from a round number at or below `min` to one at or above `max`, in steps of
    /// 1, 2 or 5 times a power of ten, about five of them; zero is included when the values are
    /// all positive and not far from it.
    static func niceScale(min: Double, max: Double) -> (low: Double, high: Double, step: Double) {
        var low = min
        var high = max
        if low > 0 && low < high * 0.5 { low = 0 }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let rough = (high - low) / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }
}
