import Almanac
import AlmanacModel
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
            <script>alert("p")</script>工程签约，投资5000万元。
            """
        ),
    ]

    /// What would be markup if page text leaked unescaped: the text itself shows as `&lt;script&gt;`.
    static let hostileMarkers = ["<script", "<img"]

    /// The named things of these pages, found by their printed names (the entity recogniser is
    /// another stage's work; these tests need mentions to link, not a recogniser).
    static let names: [(text: String, kind: EntityKind, project: ProjectDetails?)] = [
        ("岚江港二期码头工程", .project, ProjectDetails(investment: 1.2e9, stage: "在建", place: "岚江新区", sector: "港口")),
        ("蒿坨子镇智慧农业示范园", .project, ProjectDetails(stage: "建成", place: "蒿坨子镇")),
        ("<script>alert(\"p\")</script>工程", .project, ProjectDetails(investment: 5e7, stage: "签约")),
        ("岚江新区", .place, nil),
        ("岚江市", .place, nil),
        ("林晓", .person, nil),
        ("\"><img src=x onerror=alert(1)>", .organization, nil),
    ]

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(path: folder.appendingPathComponent("archive.sqlite").path)
        try await Self.fill(store, pages: Self.pages, in: folder)
    }

    /// Writes `pages` as files and stores them through the ingest pipeline's extraction (layout,
    /// facts with resolved periods) with a mention finder that knows ``names``.
    static func fill(
        _ store: some Store, pages: [(name: String, text: String)], in folder: URL,
        names: [(text: String, kind: EntityKind, project: ProjectDetails?)] = names
    ) async throws {
        let extraction = try PageExtraction.bundled(mentions: { text in mentions(in: text, names: names) })
        var extracted: [ExtractedPage] = []
        for file in pages {
            let url = folder.appendingPathComponent(file.name)
            try Data(file.text.utf8).write(to: url)
            var page = try PageReader().read(path: url.path)
            page.paper = "岚江日报"
            page.date = PageDate.fromFileName(file.name)
            page.dateSource = .given
            extracted.append(extraction.extract(page))
        }
        _ = try await store.save(extracted, mode: .skipExisting)
    }

    /// Every occurrence of a name of `names` in `text` (longer names first, no overlaps).
    static func mentions(in text: String, names: [(text: String, kind: EntityKind, project: ProjectDetails?)]) -> [Mention] {
        let scalars = Array(text.unicodeScalars)
        var taken = [Bool](repeating: false, count: scalars.count)
        var found: [Mention] = []
        for name in names.sorted(by: { $0.text.unicodeScalars.count > $1.text.unicodeScalars.count }) {
            let needle = Array(name.text.unicodeScalars)
            guard needle.count <= scalars.count else { continue }
            for start in 0...(scalars.count - needle.count)
            where Array(scalars[start..<start + needle.count]) == needle && !taken[start..<start + needle.count].contains(true) {
                for index in start..<start + needle.count { taken[index] = true }
                found.append(Mention(text: name.text, kind: name.kind, start: start, end: start + needle.count, project: name.project))
            }
        }
        return found.sorted { $0.start < $1.start }
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
