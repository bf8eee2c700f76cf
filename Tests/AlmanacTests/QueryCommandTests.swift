import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// `almanac facts`, `series`, `projects`, `export` and `search --entity`, run as a user runs them.
struct QueryCommandTests {
    typealias CLI = CommandLineTests

    /// An archive ingested from two pages by the CLI.
    static func ingested() async throws -> (ScratchFolder, String) {
        let folder = try PipelineTests.folder()
        let db = folder.url.appendingPathComponent("a.sqlite").path
        let result = try await CLI.run(["ingest", "--db", db, folder.url.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("stored 2 pages, 2 articles, 3 facts"))
        return (folder, db)
    }

    @Test func factsPrintsTextJSONAndCSV() async throws {
        let (folder, db) = try await Self.ingested()
        _ = folder
        let text = try await CLI.run(["facts", "--db", db, "--indicator", "规上工业增加值"])
        #expect(text.status == 0)
        #expect(text.output.contains("岚江市 前三季度 规上工业增加值: 同比增长 7.2%"))
        #expect(text.output.contains("岚江市 上半年 规模以上工业增加值: 同比增长 6.5%"))
        #expect(!text.output.contains("产值: 120亿元"))

        // --from keeps facts whose resolved period (else page date) reaches it: 前三季度 ends 09-30, 上半年 06-30.
        let json = try await CLI.run(["facts", "--db", db, "--json", "--from", "2024-07-01"])
        let lines = json.output.split(separator: "\n")
        try #require(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["indicatorKey"] as? String == "规模以上工业增加值")
        #expect((object?["fact"] as? [String: Any])?["value"] as? Double == 7.2)

        let csv = try await CLI.run(["facts", "--db", db, "--csv", "--place", "岚江市"])
        let rows = csv.output.split(separator: "\n")
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("id,article_id,page,date,seq,field,text,value") == true)
        #expect(rows.contains { $0.contains(",120亿元,12000000000,,,元,false,产值,产值,,上半年,2024-01-01,2024-06-30,岚江市,") })

        let bad = try await CLI.run(["facts", "--db", db, "--json", "--csv"])
        #expect(bad.status != 0 && bad.errors.contains("choose one of --json and --csv"))
        let badDay = try await CLI.run(["facts", "--db", db, "--from", "2024/01/01"])
        #expect(badDay.status != 0 && badDay.errors.contains("YYYY-MM-DD"))
        let missing = try await CLI.run(["facts", "--db", folder.url.appendingPathComponent("none.sqlite").path])
        #expect(missing.status != 0 && missing.errors.contains("no archive at"))
    }

    @Test func seriesPrintsOneFigurePerPeriodWithItsSource() async throws {
        let (folder, db) = try await Self.ingested()
        _ = folder
        let text = try await CLI.run(["series", "--db", db, "--indicator", "规模以上工业增加值", "--place", "岚江市"])
        #expect(text.status == 0)
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "岚江市 规上工业增加值 同比增长 [%]")
        #expect(lines.count == 5)
        #expect(lines[1].contains("上半年  6.5%") && lines[1].contains("2024-07-20_p1.txt #1"))
        #expect(lines[3].contains("前三季度  7.2%"))
        let json = try await CLI.run(["series", "--db", db, "--indicator", "规上工业增加值", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["points"] as? [Any])?.count == 2)
        let none = try await CLI.run(["series", "--db", db, "--indicator", "无此指标"])
        #expect(none.status == 0 && none.output.isEmpty && none.errors.contains("no stored fact"))
    }

    @Test func exportWritesArticlesFactsAndEntitiesAsJSONLinesOrCSV() async throws {
        let (folder, db) = try await Self.ingested()
        let out = folder.url.appendingPathComponent("facts.jsonl").path
        let toFile = try await CLI.run(["export", "--db", db, "--format", "jsonl", "--what", "facts", "--out", out])
        #expect(toFile.status == 0 && toFile.errors.contains("wrote 3 facts"))
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 3)
        let articles = try await CLI.run(["export", "--db", db, "--format", "csv"])
        let rows = articles.output.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(
            rows.first
                == "id,page_id,page,date,seq,headline,subheadline,section,kind,bylines,photographers,captions,body")
        #expect(rows.contains { $0.contains("岚江工业稳步增长") })
        let entities = try await CLI.run(["export", "--db", db, "--format", "jsonl", "--what", "entities"])
        #expect(entities.status == 0)
        for line in entities.output.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(EntityKind(rawValue: object?["kind"] as? String ?? "") != nil, "\(line)")
        }
        let bad = try await CLI.run(["export", "--db", db, "--format", "xml"])
        #expect(bad.status != 0)
    }

    /// An archive with hand-built project and company mentions, written through the Store API.
    static func archiveWithEntities() async throws -> (ScratchFolder, String) {
        let folder = try ScratchFolder()
        let db = folder.url.appendingPathComponent("e.sqlite").path
        let store = try SQLiteStore(path: db)
        let body = "总投资15亿元的岚江新材料产业园项目开工，岚江港务集团参与建设。"
        let page = Page(source: "/p/2024-03-05_p1.txt", sha256: "e1", paper: "岚江日报", date: "2024-03-05", text: body)
        let article = ExtractedArticle(
            article: Article(seq: 1, headline: "产业园开工", body: body),
            mentions: [
                Mention(
                    text: "岚江新材料产业园项目", kind: .project, start: 8, end: 18,
                    project: ProjectDetails(investment: 1.5e9, stage: "开工", place: "岚江市", sector: "新材料")),
                Mention(text: "岚江港务集团", kind: .organization, start: 21, end: 27),
            ])
        let small = ExtractedArticle(
            article: Article(seq: 2, headline: "小项目签约", body: "滨河驿站项目签约。"),
            mentions: [
                Mention(
                    text: "滨河驿站项目", kind: .project, start: 0, end: 6,
                    project: ProjectDetails(investment: 2e6, stage: "签约"))
            ])
        _ = try await store.save(page: page, articles: [article, small])
        return (folder, db)
    }

    @Test func projectsFilterByInvestmentStageAndPlace() async throws {
        let (folder, db) = try await Self.archiveWithEntities()
        _ = folder
        let all = try await CLI.run(["projects", "--db", db])
        #expect(all.status == 0)
        #expect(
            all.output.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["岚江新材料产业园项目", "滨河驿站项目"])
        #expect(all.output.contains("15亿元  开工 岚江市 新材料  2024-03-05…2024-03-05  (1 mentions)"))
        let big = try await CLI.run(["projects", "--db", db, "--min-investment", "1亿", "--json"])
        let lines = big.output.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "岚江新材料产业园项目")
        #expect((object?["project"] as? [String: Any])?["investment"] as? Double == 1.5e9)
        #expect(try await CLI.run(["projects", "--db", db, "--stage", "签约"]).output.hasPrefix("滨河驿站项目"))
        #expect(try await CLI.run(["projects", "--db", db, "--place", "岚江"]).output.hasPrefix("岚江新材料产业园项目"))
        #expect(
            try await CLI.run(["projects", "--db", db, "--min-investment", "300万"]).output.split(separator: "\n").count
                == 1)
        let bad = try await CLI.run(["projects", "--db", db, "--min-investment", "很多"])
        #expect(bad.status != 0 && bad.errors.contains("5亿, 3000万"))
    }

    @Test func searchFiltersByEntity() async throws {
        let (folder, db) = try await Self.archiveWithEntities()
        _ = folder
        let hit = try await CLI.run(["search", "--db", db, "项目", "--entity", "岚江港务集团", "--json"])
        #expect(hit.status == 0)
        let lines = hit.output.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("产业园开工") == true)
        let none = try await CLI.run(["search", "--db", db, "项目", "--entity", "无此企业"])
        #expect(none.status == 0 && none.output.isEmpty)
    }
}
