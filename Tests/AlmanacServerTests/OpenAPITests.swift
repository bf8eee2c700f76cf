import AlmanacServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The OpenAPI document served at /api/v1/openapi.json describes exactly the routes the router has.
struct OpenAPITests {
    /// `METHOD /path/{param}` for every operation of the document.
    static func documented(_ document: [String: Any]) -> Set<String> {
        let methods: Set = ["get", "put", "post", "delete", "patch", "head", "options"]
        var operations = Set<String>()
        for (path, item) in document["paths"] as? [String: [String: Any]] ?? [:] {
            for method in item.keys where methods.contains(method) {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    /// The router's `/api/v1/articles/:id` written as OpenAPI writes it, `/api/v1/articles/{id}`.
    static func openAPIPath(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        let router = try buildRouter(store: archive.store, configuration: ServerConfiguration())
        let registered = Set(router.routes.map { "\($0.method.rawValue) \(Self.openAPIPath("\($0.path)"))" })
        #expect(registered.count > 5)
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            #expect(response.status == .ok)
            let document = try response.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let documented = Self.documented(document)
            #expect(registered.subtracting(documented).sorted() == [], "routes missing from openapi.json")
            #expect(documented.subtracting(registered).sorted() == [], "documented routes the router lacks")
        }
    }

    /// Every `$ref` points at something the document defines.
    @Test func everyReferenceResolves() async throws {
        let archive = try await TestArchive()
        defer { archive.remove() }
        try await archive.withClient { client in
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            let text = response.text
            let document = try response.json()
            let components = document["components"] as? [String: [String: Any]] ?? [:]
            let references = text.matches(of: /"\$ref": *"#\/components\/(\w+)\/(\w+)"/)
            #expect(references.count > 10)
            for reference in references {
                let (_, group, name) = reference.output
                #expect(components[String(group)]?[String(name)] != nil, "unresolved \(group)/\(name)")
            }
        }
    }
}
