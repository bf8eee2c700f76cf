import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The API's views of one thing and of facts, series, entities and projects.
struct ArchiveRouteTests {
    static func get(_ client: some TestClientProtocol, _ uri: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok, "\(uri): \(response.text.prefix(300))")
        return try response.json()
    }

    static func items(_ client: some TestClientProtocol, _ uri: String) async throws -> [[String: Any]] {
        try await get(client, uri)["items"] as? [[String: Any]] ?? []
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test func anArticleComesWholeWithItsFacts() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let hits = try await Self.items(client, "/api/v1/search?q=\(Self.encoded("固定资产投资"))")
            let id = try #require(hits.first?["id"] as? Int)
            let article = try await Self.get(client, "/api/v1/articles/\(id)")
            #expect(article["headline"] as? String == "岚江新区一季度固定资产投资增长12%")
            #expect((article["body"] as? String)?.contains("86亿元") == true)
            #expect(article["page_url"] as? String == "/pages/\(article["page_id"] as? Int ?? 0)")
            let facts = try #require(article["facts"] as? [[String: Any]])
            let texts = facts.compactMap { ($0["fact"] as? [String: Any])?["text"] as? String }
            #expect(texts.contains("86亿元"))
            #expect(texts.contains("12%"))
            let missing = try await client.execute(uri: "/api/v1/articles/999999", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            let malformed = try await client.execute(uri: "/api/v1/articles/abc", method: .get)
            #expect(malformed.status == .badRequest)
        }
    }

    @Test func aPageComesRawWithWhereEachArticleBegins() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let articles = try await Self.items(client, "/api/v1/articles?limit=100")
            let pageID = try #require(articles.first { ($0["page"] as? String)?.hasPrefix("2024-05-14") == true }?["page_id"] as? Int)
            let page = try await Self.get(client, "/api/v1/pages/\(pageID)")
            let text = try #require(page["text"] as? String)
            #expect(text == TestArchive.pages[0].text)
            let starts = try #require(page["articles"] as? [[String: Any]])
            #expect(starts.count == 2)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for start in starts {
                let line = try #require(start["line"] as? Int)
                #expect(lines[line].contains(start["headline"] as? String ?? "?"))
            }
            #expect(try await client.execute(uri: "/api/v1/pages/424242", method: .get).status == .notFound)
        }
    }

    @Test func pagesAreListedNewestFirstAndLeadToTheirText() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let body = try await Self.get(client, "/api/v1/pages?limit=2")
            let pages = try #require(body["items"] as? [[String: Any]])
            #expect(pages.map { $0["date"] as? String } == ["2024-10-29", "2024-07-23"])
            #expect(pages.allSatisfy { $0["text"] == nil && ($0["articles"] as? Int ?? 0) >= 1 })
            let cursor = try #require(body["next_cursor"] as? String)
            let rest = try await Self.items(client, "/api/v1/pages?limit=2&cursor=\(cursor)")
            #expect(rest.map { $0["name"] as? String } == [TestArchive.pages[0].name])
            #expect(rest.first?["articles"] as? Int == 2)
            let detail = try await Self.get(client, try #require(rest.first?["api"] as? String))
            #expect(detail["text"] as? String == TestArchive.pages[0].text)
            let july = try await Self.items(client, "/api/v1/pages?from=2024-07-01&to=2024-07-31")
            #expect(july.map { $0["date"] as? String } == ["2024-07-23"])
            let backwards = try await client.execute(uri: "/api/v1/pages?from=2024-08-01&to=2024-07-01", method: .get)
            #expect(backwards.status == .unprocessableContent)
            let otherQuery = try await client.execute(uri: "/api/v1/pages?paper=x&cursor=\(cursor)", method: .get)
            #expect(otherQuery.status == .badRequest)
        }
    }

    @Test func factsIndicatorsAndSeries() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let indicators = try await Self.items(client, "/api/v1/indicators")
            let names = indicators.compactMap { $0["indicator"] as? String }
            #expect(names.contains("规模以上工业增加值") || names.contains("工业增加值"), "\(names)")
            let indicator = try #require(names.first)
            let facts = try await Self.items(client, "/api/v1/facts?indicator=\(Self.encoded(indicator))&limit=100")
            #expect(!facts.isEmpty)
            for fact in facts { #expect(fact["indicator_key"] as? String == indicators.first?["key"] as? String) }
            let body = try await Self.get(client, "/api/v1/series?indicator=\(Self.encoded(indicator))")
            let series = try #require(body["series"] as? [[String: Any]])
            let points = series.flatMap { $0["points"] as? [[String: Any]] ?? [] }
            #expect(points.count >= 1)
            #expect(points.allSatisfy { ($0["source"] as? [String: Any])?["article_id"] is Int })
            let unnamed = try await client.execute(uri: "/api/v1/series", method: .get)
            #expect(unnamed.status == .badRequest)
        }
    }

    @Test func entitiesWithMentionsAndProjectsByInvestment() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let places = try await Self.items(client, "/api/v1/entities?kind=place")
            let names = places.compactMap { $0["name"] as? String }
            #expect(Set(names) == ["岚江新区", "岚江市"])
            let id = try #require(places.first { $0["name"] as? String == "岚江新区" }?["id"] as? Int)
            let detail = try await Self.get(client, "/api/v1/entities/\(id)")
            let mentions = try #require(detail["mentions"] as? [[String: Any]])
            #expect(mentions.count >= 2)
            #expect(mentions.allSatisfy { $0["text"] as? String == "岚江新区" })
            let bogus = try await client.execute(uri: "/api/v1/entities?kind=city", method: .get)
            #expect(bogus.status == .badRequest)
            let projects = try await Self.items(client, "/api/v1/projects")
            #expect(projects.first?["name"] as? String == "岚江港二期码头工程")
            #expect((projects.first?["project"] as? [String: Any])?["investment"] as? Double == 1.2e9)
            let large = try await Self.items(client, "/api/v1/projects?min_investment=100000000")
            #expect(large.count == 1)
            let stats = try await Self.get(client, "/api/v1/stats")
            #expect((stats["facts"] as? Int ?? 0) > 5)
            #expect((stats["entities"] as? [String: Any])?["project"] as? Int == 3)
        }
    }
}
