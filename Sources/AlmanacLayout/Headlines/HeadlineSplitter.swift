/// Splits a headline line that also carries a kicker or a figure line
/// (`新建项目42个 投资超百亿元项目3个 青川以项目建设推动产业升级`) into the title and the rest.
///
/// A title alone is short; a longer line whose space-separated parts at one end report figures in a
/// statement of their own (`投资超百亿元项目3个`, not the subject `36家企业` of the title that follows)
/// holds two things: the parts with figures become the subheadline, the rest the title.
enum HeadlineSplitter {
    /// Lines shorter than this are read as one title, whatever they contain.
    static let combinedLength = 18
    /// A figure part shorter than this is a phrase of the title, not a line of its own.
    static let figureLineLength = 8

    static func split(_ text: [Unicode.Scalar]) -> (headline: [Unicode.Scalar], subheadline: [Unicode.Scalar]) {
        guard text.visibleCount >= combinedLength else { return (text, []) }
        let parts = text.split(whereSeparator: Scalars.isSpace).map(Array.init)
        guard parts.count >= 2 else { return (text, []) }
        let hasFigure = parts.map { $0.contains(where: Scalars.isDigit) }
        var leading = 0
        while leading < parts.count, hasFigure[leading] { leading += 1 }
        var trailing = 0
        while trailing < parts.count, hasFigure[parts.count - 1 - trailing] { trailing += 1 }
        let figureAtStart = leading > 0 && leading < parts.count
        let figureAtEnd = trailing > 0 && trailing < parts.count
        let title: ArraySlice<[Unicode.Scalar]>
        let figures: ArraySlice<[Unicode.Scalar]>
        if figureAtStart && !hasFigure[leading...].contains(true) {
            figures = parts[..<leading]
            title = parts[leading...]
        } else if figureAtEnd && !hasFigure[..<(parts.count - trailing)].contains(true) {
            title = parts[..<(parts.count - trailing)]
            figures = parts[(parts.count - trailing)...]
        } else {
            return (text, [])
        }
        let titleText = joined(title)
        let figureText = joined(figures)
        guard titleText.visibleCount >= 6, figureText.visibleCount >= figureLineLength else { return (text, []) }
        return (titleText, figureText)
    }

    private static func joined(_ parts: ArraySlice<[Unicode.Scalar]>) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for part in parts {
            if !out.isEmpty { out.append(" ") }
            out.append(contentsOf: part)
        }
        return out
    }
}
