import Foundation
import Testing

/// The built server, started as a user starts it, read by a real browser (Debian's chromium,
/// headless, scripts off). Screenshots of every page type, at a phone's and a desktop's width,
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

    @Test func everyPageTypeWorksInChromium() async throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: Browser.executable),
            "no chromium at \(Browser.executable): scripts/test.sh installs Debian's chromium")
        guard FileManager.default.isExecutableFile(atPath: Browser.executable) else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)

        // The demo archive, plus a page written to attack the pages that show it.
        let db = folder.appendingPathComponent("demo.sqlite").path
        try await Command(executable: RunningServer.executable, arguments: ["demo", "--no-serve", "--db", db]).run()
        let hostile = folder.appendingPathComponent("hostile/2024-11-01_hostile_01.txt")
        try FileManager.default.createDirectory(at: hostile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let hostileText = TestArchive.pages.last!.text
        try Data(hostileText.utf8).write(to: hostile)
        try await Command(executable: RunningServer.executable, arguments: ["ingest", "--db", db, hostile.path]).run()

        let server = try await RunningServer.start(["--db", db], in: folder)
        let browser = Browser(profile: folder.appendingPathComponent("chromium-profile"))
        let visits = [
            Visit(name: "home", path: "/", mustShow: ["岚江", "最新版面", "文章 articles"]),
            Visit(name: "search", path: "/search?q=%E5%B2%9A%E6%B1%9F", mustShow: ["<mark>岚江</mark>", "年份 Year", "2024"]),
            Visit(name: "articles", path: "/articles", mustShow: ["文章", "2024-10-29"]),
            Visit(name: "hostile-search", path: "/search?q=onerror", mustShow: ["&lt;img src=x <mark>onerror</mark>"]),
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
