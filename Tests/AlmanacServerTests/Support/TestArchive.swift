import Almanac
import AlmanacServer
import AlmanacStore
import Foundation
import Hummingbird
import HummingbirdTesting

/// A fresh SQLite archive of invented pages (the demo city 岚江市) in a temporary folder,
/// ingested through the real pipeline, and the server's router over it.
struct TestArchive {
    let folder: URL
    let store: SQLiteStore

    /// Pages written for these tests; the last holds markup that must never reach a browser as markup.
    static let pages: [(name: String, text: String)] = [
        (
            "2024-05-14_lanjiang-daily_01.txt",
            """
            # 岚江新区一季度固定资产投资增长12%

            本报讯（记者 林晓）今年一季度，岚江新区完成固定资产投资86亿元，同比增长12%。其中，在建工程项目46个。
            岚江港二期码头工程总投资12亿元，目前主体工程已完工过半。

            # 蒿坨子镇建成智慧农业示范园

            本报讯 蒿坨子镇智慧农业示范园日前建成，占地1200亩，带动农户300余户增收。
            """
        ),
        (
            "2024-07-23_lanjiang-daily_01.txt",
            """
            # 上半年岚江市规模以上工业增加值同比增长7.4%

            本报讯（记者 周敏）上半年，岚江市规模以上工业增加值同比增长7.4%，高于全省1.2个百分点。
            新签约亿元以上项目18个，在建工程稳步推进。
            """
        ),
        (
            "2024-10-29_lanjiang-daily_02.txt",
            """
            # 标题里有<script>alert("headline")</script>的文章

            本报讯 这段正文里写着"><img src=x onerror=alert(1)>和<script>alert('body')</script>，岚江工程照常推进。
            """
        ),
    ]

    static let hostileMarkers = ["<script>", "onerror=alert", "<img src=x"]

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String] = []
        for page in Self.pages {
            let url = folder.appendingPathComponent(page.name)
            try Data(page.text.utf8).write(to: url)
            files.append(url.path)
        }
        store = try SQLiteStore(path: folder.appendingPathComponent("archive.sqlite").path)
        let summary = await Ingest(store: store, paper: "岚江日报").run(files: files)
        guard summary.failed.isEmpty, summary.pages == Self.pages.count else {
            throw TestArchiveError(message: "ingest failed: \(summary)")
        }
    }

    /// Runs `body` with an in-process client of the server over this archive.
    func withClient(
        _ configuration: ServerConfiguration = ServerConfiguration(),
        _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = try buildRouter(store: store, configuration: configuration)
        let app = Application(router: router)
        try await app.test(.router) { client in try await body(client) }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

struct TestArchiveError: Error {
    var message: String
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestArchiveError(message: "not a JSON object: \(text.prefix(200))")
        }
        return object
    }
}
