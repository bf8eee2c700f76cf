@testable import AlmanacServer
import Testing

/// The markup the server builds in Swift: escaping, marked snippets, annotated bodies, query strings.
struct HTMLTextTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLText.escape("\"><img src=x onerror='alert(1)'>&") == "&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;")
        #expect(HTMLText.escape("岚江市") == "岚江市")
    }

    @Test func snippetsMarkMatchesAndEscapeTheRest() {
        #expect(HTMLText.snippet("在建«工程»<b>") == "在建<mark>工程</mark>&lt;b&gt;")
        #expect(HTMLText.snippet("«岚江") == "<mark>岚江</mark>")
        #expect(HTMLText.snippet("a»b") == "a»b")
    }

    @Test func annotatedBodiesMarkSpansPerParagraph() {
        let body = "岚江港投资12亿元。\n<script>岚钢</script>增长7.4%"
        let fact = AnnotatedText.Span(start: 5, end: 9, open: "<mark class=\"fact\">", close: "</mark>")
        let entity = AnnotatedText.Span(start: 19, end: 21, open: "<a href=\"/entities/3\">", close: "</a>")
        let overlapping = AnnotatedText.Span(start: 6, end: 8, open: "<x>", close: "</x>")
        let html = AnnotatedText(body: body, spans: [entity, overlapping, fact]).html
        #expect(html == "<p>岚江港投资<mark class=\"fact\">12亿元</mark>。</p>\n<p>&lt;script&gt;<a href=\"/entities/3\">岚钢</a>&lt;/script&gt;增长7.4%</p>")
    }

    @Test func aSpanIsClosedAtAParagraphBreak() {
        let html = AnnotatedText(body: "甲乙\n丙丁", spans: [.init(start: 1, end: 4, open: "<m>", close: "</m>")]).html
        #expect(html == "<p>甲<m>乙</m></p>\n<p>丙丁</p>")
    }

    @Test func offsetsCountUnicodeScalars() {
        // 👍🏽 is one Character of two scalars: the span after it starts at scalar 3.
        let html = AnnotatedText(body: "a👍🏽b", spans: [.init(start: 3, end: 4, open: "[", close: "]")]).html
        #expect(html == "<p>a👍🏽[b]</p>")
    }

    @Test func linksEncodeTheirQueries() {
        #expect(HTMLText.link("/search", [("q", "岚江 项目"), ("from", nil), ("section", "")]) == "/search?q=%E5%B2%9A%E6%B1%9F%20%E9%A1%B9%E7%9B%AE")
        #expect(HTMLText.link("/search", [("q", "a&b=c")]) == "/search?q=a%26b%3Dc")
    }
}
