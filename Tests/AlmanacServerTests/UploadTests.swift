import AlmanacServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/v1/pages`: off without a token, closed without the right one, ingests with it.
struct UploadTests {
    static let page = "# 岚江市新开通三条公交线路\n\n本报讯 岚江市公交集团日前新开通三条公交线路，新增站点42个。\n"
    static let uri = "/api/v1/pages?name=2024-11-05_lanjiang-daily_01.txt&paper=%E5%B2%9A%E6%B1%9F%E6%97%A5%E6%8A%A5"

    static func post(_ client: some TestClientProtocol, token: String?, body: String, uri: String = uri) async throws
        -> TestResponse
    {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func uploadsAreOffWithoutAToken() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(uploadToken: nil)) { client in
            let response = try await Self.post(client, token: "anything", body: Self.page)
            #expect(response.status == .forbidden)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
        #expect(try await archive.store.fetchCounts().pages == 3)
    }

    @Test func aWrongTokenIsRefused() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(uploadToken: "right-token")) { client in
            for token in [nil, "wrong-token", "right-toke", "right-token2"] {
                let response = try await Self.post(client, token: token, body: Self.page)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
        }
        #expect(try await archive.store.fetchCounts().pages == 3)
    }

    @Test func theRightTokenIngestsOnce() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(uploadToken: "right-token")) { client in
            let first = try await Self.post(client, token: "right-token", body: Self.page)
            #expect(first.status == .created)
            let body = try first.json()
            #expect(body["stored"] as? Bool == true)
            #expect(body["articles"] as? Int == 1)
            let again = try await Self.post(client, token: "right-token", body: Self.page)
            #expect(again.status == .ok)
            #expect(try again.json()["stored"] as? Bool == false)
            let found = try await client.execute(uri: "/api/v1/search?q=%E5%85%AC%E4%BA%A4", method: .get)
            let items = try #require(try found.json()["items"] as? [[String: Any]])
            #expect(items.first?["date"] as? String == "2024-11-05")
        }
        #expect(try await archive.store.fetchCounts().pages == 4)
    }

    /// A cached search is forgotten when an upload changes the archive.
    @Test func anUploadEmptiesTheSearchCache() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(uploadToken: "t", searchCacheSize: 16)) { client in
            let uri = "/api/v1/search?q=%E5%85%AC%E4%BA%A4"
            let before = try await client.execute(uri: uri, method: .get)
            #expect(try before.json()["items"] as? [Any] == nil || (try before.json()["items"] as? [Any])?.isEmpty == true)
            let cached = try await client.execute(uri: uri, method: .get)
            #expect(cached.text == before.text)
            #expect(try await Self.post(client, token: "t", body: Self.page).status == .created)
            let after = try await client.execute(uri: uri, method: .get)
            #expect((try after.json()["items"] as? [Any])?.count == 1)
        }
    }

    @Test func tooLargeEmptyAndBadlyNamedUploadsAreRefused() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient(ServerConfiguration(uploadToken: "t", maxUploadBytes: 1000)) { client in
            let large = try await Self.post(client, token: "t", body: String(repeating: "岚江", count: 400))
            #expect(large.status == .contentTooLarge)
            #expect(large.headers[.contentType] == "application/problem+json")
            let empty = try await Self.post(client, token: "t", body: "  \n")
            #expect(empty.status == .unprocessableContent)
            let path = try await Self.post(client, token: "t", body: Self.page, uri: "/api/v1/pages?name=..%2Fetc%2Fpasswd")
            #expect(path.status == .badRequest)
            let unnamed = try await Self.post(client, token: "t", body: Self.page, uri: "/api/v1/pages")
            #expect(unnamed.status == .badRequest)
        }
        #expect(try await archive.store.fetchCounts().pages == 3)
    }
}
