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

    /// Every page of every kind over the test archive: it renders, and no page text becomes markup.
    @Test func everyArticlePageEntityAndListRendersEscaped() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let articles = try await ArchiveRouteTests.items(client, "/api/v1/articles?limit=100")
            let entities = try await ArchiveRouteTests.items(client, "/api/v1/entities?limit=100")
            let indicators = try await ArchiveRouteTests.items(client, "/api/v1/indicators?limit=100")
            var uris = articles.map { "/articles/\($0["id"] as? Int ?? 0)" }
            uris += Set(articles.compactMap { $0["page_id"] as? Int }).map { "/pages/\($0)" }
            uris += entities.map { "/entities/\($0["id"] as? Int ?? 0)" }
            uris += indicators.map { "/series?indicator=\(ArchiveRouteTests.encoded($0["indicator"] as? String ?? ""))" }
            uris += ["/indicators", "/projects", "/projects?sort=name&order=desc", "/search?q=%E5%B7%A5%E7%A8%8B"]
            #expect(uris.count > 15)
            for uri in uris {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .ok, "\(uri)")
                for marker in TestArchive.hostileMarkers { #expect(!response.text.contains(marker), "\(uri): \(marker)") }
            }
        }
    }

    @Test func anArticleHighlightsItsFactsAndLinksItsPage() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let hits = try await ArchiveRouteTests.items(client, "/api/v1/search?q=\(ArchiveRouteTests.encoded("固定资产投资"))")
            let id = try #require(hits.first?["id"] as? Int)
            let html = try await client.execute(uri: "/articles/\(id)", method: .get).text
            #expect(html.contains("<h1>岚江新区一季度固定资产投资增长12%</h1>"))
            #expect(html.contains(">86亿元</mark>"))
            #expect(html.contains("<mark class=\"fact\" id=\"fact-"))
            #expect(html.contains("href=\"/pages/"))
            #expect(html.contains("记者 林晓"))
            // Each entity the body mentions links to its page.
            #expect(html.contains(">岚江新区</a>"))
            #expect(html.contains("<a class=\"entity place\" href=\"/entities/"))
        }
    }

    @Test func thePageShowsRawTextBesideTheRebuiltArticles() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let articles = try await ArchiveRouteTests.items(client, "/api/v1/articles?limit=100")
            let pageID = try #require(articles.last?["page_id"] as? Int)
            let html = try await client.execute(uri: "/pages/\(pageID)", method: .get).text
            #expect(html.contains("<pre class=\"raw\">"))
            #expect(html.contains("# 岚江新区一季度固定资产投资增长12%"))  // the raw line, headline mark and all
            #expect(html.contains("id=\"start-1\" href=\"#article-1\""))
            #expect(html.contains("id=\"article-2\""))
        }
    }

    @Test func aSeriesIsAChartWhosePointsLinkToSentences() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let indicators = try await ArchiveRouteTests.items(client, "/api/v1/indicators")
            let name = try #require(indicators.first?["indicator"] as? String)
            let html = try await client.execute(uri: "/series?indicator=\(ArchiveRouteTests.encoded(name))", method: .get).text
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
            #expect(html.contains("<a href=\"/articles/"))
            #expect(html.contains("#fact-"))
        }
    }

    @Test func projectsSortByTheChosenColumn() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            func names(_ uri: String) async throws -> [String] {
                let html = try await client.execute(uri: uri, method: .get).text
                return html.matches(of: /<tr><td><a href="\/entities\/\d+">([^<]*)<\/a>/).map { String($0.output.1) }
            }
            let byInvestment = try await names("/projects")
            #expect(byInvestment.first == "岚江港二期码头工程")
            #expect(byInvestment.count == 3)
            let byNameDescending = try await names("/projects?sort=name&order=desc")
            #expect(byNameDescending == byInvestment.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.reversed())
            let bad = try await client.execute(uri: "/projects?sort=colour", method: .get)
            #expect(bad.status == .badRequest)
        }
    }

    @Test func anEntityShowsMentionsOverTime() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let places = try await ArchiveRouteTests.items(client, "/api/v1/entities?kind=place&name=\(ArchiveRouteTests.encoded("岚江市"))")
            let id = try #require(places.first?["id"] as? Int)
            let html = try await client.execute(uri: "/entities/\(id)", method: .get).text
            #expect(html.contains("<h1>岚江市</h1>"))
            #expect(html.contains("<rect"))
            #expect(html.contains("2024-07"))
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
