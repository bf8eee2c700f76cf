import Almanac
import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// The built server, started as a user starts it, read by a real browser (Debian's chromium,
/// headless, under a policy that forbids scripts). Screenshots of every page type, at a phone's and a desktop's width,
/// are kept in `test-output/browser/`.
@Suite(.serialized)
struct BrowserTests {
    static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized
    static let screenshots = checkout.appendingPathComponent("test-output/browser")

    /// One page type: where it is and what its content must show.
    struct Visit {
        var name: String
        var path: String
        var mustShow: [String]
    }

    /// Names of the demo pages' companies and places (written by the Almanac team, like the pages).
    static let demoNames: [(text: String, kind: EntityKind, project: ProjectDetails?)] = [
        ("岚江星澜储能科技有限公司", .organization, nil), ("岚江港务集团有限公司", .organization, nil),
        ("岚江远帆船舶重工有限公司", .organization, nil), ("北湾港", .place, nil), ("北湾区", .place, nil),
    ]

    /// Ids to visit: an article with facts, its page, the most mentioned entity, the most reported indicator.
    static func ids(_ store: some Store) async throws -> (article: Int64, page: Int64, entity: Int64, indicator: String) {
        let fact = try #require(try await store.fetchFacts(FactQuery(limit: 1)).first)
        let entity = try #require(try await store.fetchEntities(EntityQuery(limit: 1)).first)
        let indicator = try #require(try await store.fetchIndicators(limit: 1, offset: 0).first)
        return (
            fact.articleID, fact.pageID, entity.id,
            indicator.indicator.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        )
    }

    @Test func everyPageTypeWorksInChromium() async throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Browser.executable),
            "no chromium at \(Browser.executable): scripts/test.sh installs Debian's chromium")
        guard FileManager.default.isExecutableFile(atPath: Browser.executable) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)

        // The demo pages and this suite's pages (one written to attack the pages that show it), stored
        // with their facts and mentions. (`almanac ingest` on this branch stores articles only; the
        // extraction stage of ingest is another engineer's.)
        let db = folder.appendingPathComponent("demo.sqlite").path
        let demo = Self.checkout.appendingPathComponent("demo/pages")
        let demoPages = try FileManager.default.contentsOfDirectory(atPath: demo.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { name in (name: name, text: try PageReader().read(path: demo.appendingPathComponent(name).path).text) }
        let store = try SQLiteStore(path: db)
        try await TestArchive.fill(
            store, pages: demoPages + TestArchive.pages, in: folder, names: TestArchive.names + Self.demoNames)
        let counts = try await store.fetchStats()
        let ids = try await Self.ids(store)
        await store.close()
        #expect(counts.pages == demoPages.count + TestArchive.pages.count)

        let server = try await RunningServer.start(["--db", db], in: folder)
        let browser = Browser(profile: folder.appendingPathComponent("chromium-profile"))
        let visits = [
            Visit(name: "home", path: "/", mustShow: ["岚江", "最新版面", "文章 articles", "常见指标"]),
            Visit(name: "search", path: "/search?q=%E5%B2%9A%E6%B1%9F", mustShow: ["<mark>岚江</mark>", "年份 Year", "栏目 Section", "实体 Entities"]),
            Visit(name: "articles", path: "/articles", mustShow: ["文章", "2024-10-29"]),
            Visit(name: "article", path: "/articles/\(ids.article)", mustShow: ["<mark class=\"fact\"", "数据 Facts", "/pages/"]),
            Visit(name: "page", path: "/pages/\(ids.page)", mustShow: ["原文 Raw text", "重建 Rebuilt articles", "class=\"start\""]),
            Visit(name: "entity", path: "/entities/\(ids.entity)", mustShow: ["提及 Mentions over time", "<svg", "<rect"]),
            Visit(name: "indicators", path: "/indicators", mustShow: ["指标", "/series?indicator="]),
            Visit(name: "series", path: "/series?indicator=\(ids.indicator)", mustShow: ["<svg", "<circle", "#fact-"]),
            Visit(name: "projects", path: "/projects", mustShow: ["岚江港二期码头工程", "12亿元", "sort=name"]),
            Visit(name: "hostile-search", path: "/search?q=onerror", mustShow: ["&lt;img src=x <mark>onerror</mark>"]),
            Visit(name: "hostile-projects", path: "/projects?sort=name", mustShow: ["&lt;script&gt;alert(\"p\")&lt;/script&gt;工程"]),
        ]
        for visit in visits {
            let url = server.base + visit.path
            let dom = try await browser.dumpDOM(url)
            for text in visit.mustShow {
                #expect(dom.contains(text), "\(visit.name): \(text) not in the page")
            }
            #expect(!dom.contains("<img"), "\(visit.name): an <img> element was injected")
            #expect(!dom.contains("<script"), "\(visit.name): a <script> element is in the page")
            for (device, width, height) in [("phone", 390, 844), ("desktop", 1280, 900)] {
                let path = Self.screenshots.appendingPathComponent("\(visit.name)-\(device).png").path
                try? FileManager.default.removeItem(atPath: path)
                try await browser.screenshot(url, to: path, width: width, height: height)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                #expect(size > 5_000, "\(visit.name) \(device): screenshot missing or blank")
            }
        }
        let status = await server.stop()
        #expect(status == 0, "almanac serve did not stop gracefully on SIGTERM")
    }
}
