import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTML pages, in process: they render, they escape page text, they need nothing from elsewhere.
struct PageTests {
    static let pages = [
        "/", "/articles", "/search?q=%E5%B7%A5%E7%A8%8B", "/search?q=script", "/search?q=onerror", "/search?q=alert",
    ]

    @Test func everyPageRendersWithItsSafetyHeaders() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            for uri in Self.pages {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let html = response.text
                #expect(html.hasPrefix("<!doctype html>"))
                #expect(html.contains("<meta name=\"viewport\""))
                // Nothing fetched from elsewhere: no script at all, styles from this server only.
                #expect(!html.contains("<script"), "\(uri)")
                #expect(!html.contains("src=\"http"), "\(uri)")
                #expect(!html.contains("href=\"http"), "\(uri)")
            }
        }
    }

    /// The hostile page's `<script>` and `"><img onerror=…>` show as text on every page that shows them.
    @Test func pageTextIsEscaped() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains("标题里有&lt;script&gt;alert(&quot;headline&quot;)&lt;/script&gt;的文章"))
            let search = try await client.execute(uri: "/search?q=onerror", method: .get).text
            #expect(search.contains("&quot;&gt;&lt;img src=x <mark>onerror</mark>=alert(1)&gt;"))
            for html in [home, search] {
                for marker in TestArchive.hostileMarkers { #expect(!html.contains(marker)) }
            }
        }
    }

    @Test func theSearchBoxEchoesTheQueryEscaped() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/search?q=%22%3E%3Cscript%3E", method: .get)
            #expect(response.text.contains("value=\"&quot;&gt;&lt;script&gt;\""))
            #expect(!response.text.contains("\"><script>"))
        }
    }

    @Test func searchShowsFacetsByYearAndSection() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let html = try await client.execute(uri: "/search?q=%E5%B7%A5%E7%A8%8B", method: .get).text
            #expect(html.contains(">2024</a> <span class=\"muted\">3</span>"))
            #expect(html.contains("from=2024-01-01&amp;to=2024-12-31"))
            // A hit without a section shows none (not the empty section filter of the page around it).
            #expect(!html.contains(" · </div>"))
        }
    }

    @Test func aMissingPageIsAnHTMLErrorWithItsStatus() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/no/such/page", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("404"))
            let bad = try await client.execute(uri: "/search?q=%E5%B2%9A&from=yesterday", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("YYYY-MM-DD"))
        }
    }

    @Test func theStylesheetHasACJKFontStack() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/assets/site.css", method: .get)
            #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            #expect(response.text.contains("Noto Sans CJK SC"))
            #expect(response.text.contains("@media (max-width"))
            #expect(!response.text.contains("@import") && !response.text.contains("url("))
        }
    }
}
