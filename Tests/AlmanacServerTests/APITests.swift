import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The JSON API, in process, over a real SQLite archive.
struct APITests {
    @Test func searchFindsMarksAndPages() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/api/v1/search?q=%E5%B7%A5%E7%A8%8B&limit=1", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try response.json()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let snippet = try #require(items[0]["snippet"] as? String)
            #expect(snippet.contains("«工程»") || snippet.contains("工程»"))
            let html = try #require(items[0]["snippet_html"] as? String)
            #expect(html.contains("<mark>"))
            let cursor = try #require(body["next_cursor"] as? String)
            // The next page holds other hits; together every article with 工程 is found once.
            var seen = Set([items[0]["id"] as? Int ?? -1])
            var next: String? = cursor
            while let token = next {
                let page = try await client.execute(uri: "/api/v1/search?q=%E5%B7%A5%E7%A8%8B&limit=1&cursor=\(token)", method: .get)
                #expect(page.status == .ok)
                let pageBody = try page.json()
                for item in pageBody["items"] as? [[String: Any]] ?? [] {
                    #expect(seen.insert(item["id"] as? Int ?? -1).inserted)
                }
                next = pageBody["next_cursor"] as? String
            }
            #expect(seen.count == 3)
        }
    }

    @Test func searchFiltersByDate() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(
                uri: "/api/v1/search?q=%E5%B7%A5%E7%A8%8B&from=2024-07-01&to=2024-07-31", method: .get)
            let items = try #require(try response.json()["items"] as? [[String: Any]])
            #expect(items.map { $0["date"] as? String } == ["2024-07-23"])
        }
    }

    /// Each mistake gets a problem document with the status that names it.
    @Test(arguments: [
        ("/api/v1/search", 400, "q"),
        ("/api/v1/search?q=%E5%B2%9A&limit=ten", 400, "limit"),
        ("/api/v1/search?q=%E5%B2%9A&limit=1000", 422, "limit"),
        ("/api/v1/search?q=%E5%B2%9A&from=2024-13-01", 400, "from"),
        ("/api/v1/search?q=%E5%B2%9A&from=2024-09-01&to=2024-01-01", 422, "from"),
        ("/api/v1/search?q=%E5%B2%9A&cursor=bm90LWEtY3Vyc29y", 400, "cursor"),
        ("/api/v1/search?q=%EF%BC%8C%EF%BC%8C", 422, "q"),
        ("/api/v1/articles?limit=0", 422, "limit"),
    ])
    func badRequestsAreProblems(uri: String, status: Int, parameter: String) async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status.code == status)
            #expect(response.headers[.contentType] == "application/problem+json")
            let body = try response.json()
            #expect(body["status"] as? Int == status)
            #expect(body["parameter"] as? String == parameter)
            #expect((body["detail"] as? String)?.isEmpty == false)
        }
    }

    @Test func aQueryOverTheLengthLimitIsRefused() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(maxQueryLength: 10)) { client in
            let long = String(repeating: "岚江", count: 6)
            let encoded = long.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let response = try await client.execute(uri: "/api/v1/search?q=\(encoded)", method: .get)
            #expect(response.status == .unprocessableContent)
            #expect(try response.json()["parameter"] as? String == "q")
        }
    }

    @Test func aCursorOfAnotherQueryIsRefused() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let first = try await client.execute(uri: "/api/v1/search?q=%E5%B7%A5%E7%A8%8B&limit=1", method: .get)
            let cursor = try #require(try first.json()["next_cursor"] as? String)
            let replayed = try await client.execute(uri: "/api/v1/search?q=%E5%B2%9A%E6%B1%9F&limit=1&cursor=\(cursor)", method: .get)
            #expect(replayed.status == .badRequest)
        }
    }

    @Test func unknownRoutesAre404Problems() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/api/v1/nothing-here", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func articlesPageThroughEverything() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let first = try await client.execute(uri: "/api/v1/articles?limit=2", method: .get)
            let body = try first.json()
            let items = try #require(body["items"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect(items[0]["date"] as? String == "2024-10-29")
            #expect(items[0]["url"] as? String == "/articles/\(items[0]["id"] as? Int ?? 0)")
            let cursor = try #require(body["next_cursor"] as? String)
            let second = try await client.execute(uri: "/api/v1/articles?limit=2&cursor=\(cursor)", method: .get)
            let rest = try #require(try second.json()["items"] as? [[String: Any]])
            #expect(rest.count == 2)
            #expect(try second.json()["next_cursor"] is NSNull)
        }
    }

    @Test func statsAndHealth() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let stats = try await client.execute(uri: "/api/v1/stats", method: .get).json()
            #expect(stats["pages"] as? Int == 3)
            #expect(stats["articles"] as? Int == 4)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(try health.json()["status"] as? String == "ok")
        }
    }
}
