/// Counts per period as an SVG bar chart drawn in Swift: an entity's mentions per month.
///
/// Like ``SeriesChart`` it scales to its container, needs no script or stylesheet, and each bar
/// carries a `<title>` and, when given, a link.
struct BarChart: Sendable {
    struct Bar: Sendable, Equatable {
        var label: String
        var count: Int
        var href: String?
    }

    var bars: [Bar]
    var title: String
    var width = 720.0
    var height = 200.0

    func svg() -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" \
            role="img" aria-label="\(HTMLText.escape(title))">
            <title>\(HTMLText.escape(title))</title>

            """
        let top = 16.0
        let bottom = 36.0
        let left = 32.0
        let plotHeight = height - top - bottom
        let highest = max(bars.map(\.count).max() ?? 0, 1)
        let slot = (width - left - 8) / Double(max(bars.count, 1))
        let barWidth = max(2, slot * 0.7)
        svg += "<text x=\"\(left - 6)\" y=\"\(top + 4)\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">\(highest)</text>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - 8)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>\n"
        let labelEvery = max(1, bars.count / 8)
        for (index, bar) in bars.enumerated() {
            let barHeight = Double(bar.count) / Double(highest) * plotHeight
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let rect = String(
                format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1a56a8\">",
                x, top + plotHeight - barHeight, barWidth, barHeight)
            let tooltip = "<title>\(HTMLText.escape(bar.label)): \(bar.count)</title></rect>"
            if let href = bar.href {
                svg += "<a href=\"\(HTMLText.escape(href))\">\(rect)\(tooltip)</a>\n"
            } else {
                svg += rect + tooltip + "\n"
            }
            if index % labelEvery == 0 {
                svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">", x + barWidth / 2, height - 14)
                svg += "\(HTMLText.escape(bar.label))</text>\n"
            }
        }
        return svg + "</svg>"
    }

    /// One bar per month from the first to the last of `days` (`YYYY-MM-DD`), empty months included.
    static func months(of days: [String], href: (String) -> String?) -> [Bar] {
        var counts: [String: Int] = [:]
        for day in days where day.count >= 7 { counts[String(day.prefix(7)), default: 0] += 1 }
        guard let first = counts.keys.min(), let last = counts.keys.max(),
            var year = Int(first.prefix(4)), var month = Int(first.suffix(2))
        else { return [] }
        var bars: [Bar] = []
        while bars.count < 600 {
            let label = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
            bars.append(Bar(label: label, count: counts[label] ?? 0, href: href(label)))
            if label >= last { break }
            month += 1
            if month > 12 {
                month = 1
                year += 1
            }
        }
        return bars
    }
}
