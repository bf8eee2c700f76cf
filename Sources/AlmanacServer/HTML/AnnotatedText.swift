/// An article body as HTML paragraphs, with spans of it marked: each fact highlighted, each
/// entity linked.
///
/// Offsets count Unicode scalars of the body, as facts and mentions store them (SPEC.md). A span
/// that overlaps one before it is left out rather than nested, and a span never crosses a
/// paragraph break: it is closed at the break. All text is escaped; only the markup built here
/// is raw.
struct AnnotatedText {
    /// A stretch of the body to mark.
    struct Span: Sendable, Equatable {
        var start: Int
        var end: Int
        /// The opening tag, already escaped (`<mark class="fact" id="fact-3">`).
        var open: String
        /// The matching closing tag (`</mark>`).
        var close: String
    }

    var body: String
    var spans: [Span]

    /// `<p>…</p>` for each paragraph of the body.
    var html: String {
        let ordered = spans.filter { $0.start < $0.end }.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var kept: [Span] = []
        for span in ordered where span.start >= (kept.last?.end ?? 0) {
            kept.append(span)
        }
        var output = "<p>"
        var text = ""
        var next = 0
        var current: Span?
        func flush() {
            output += HTMLText.escape(text)
            text = ""
        }
        for (offset, scalar) in body.unicodeScalars.enumerated() {
            if let span = current, offset == span.end {
                flush()
                output += span.close
                current = nil
            }
            if current == nil, next < kept.count, kept[next].start == offset {
                flush()
                output += kept[next].open
                current = kept[next]
                next += 1
            }
            if scalar == "\n" {
                flush()
                if let span = current {
                    output += span.close
                    current = nil
                }
                output += "</p>\n<p>"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        flush()
        if let span = current { output += span.close }
        output += "</p>"
        return output.replacingOccurrences(of: "<p></p>\n", with: "")
    }
}
