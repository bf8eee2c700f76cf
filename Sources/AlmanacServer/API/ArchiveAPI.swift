import Almanac
import AlmanacStore
import Hummingbird
import Logging

/// The JSON API under `/api/v1`: read-only views of the archive, and page uploads when a token
/// is set. Every route is described in `openapi.json` (a test holds the two together).
struct ArchiveAPI: Sendable {
    let store: any Store
    let configuration: ServerConfiguration
    let openAPIDocument: ByteBuffer
    /// Recent search responses (off unless given).
    var cache = ResponseCache(capacity: 0)
    /// The ingest pipeline uploads go through (layout, facts; its lexicons loaded once); nil when uploads are off.
    var uploader: Ingest? = nil

    /// Adds the API's routes under `group` (`/api/v1`).
    func register(on group: RouterGroup<BasicRequestContext>) {
        group.get("openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: openAPIDocument))
        }
        group.get("search") { request, _ in try await search(request) }
        group.get("articles") { request, _ in try await articles(request) }
        group.get("articles/:id") { _, context in try await article(context) }
        group.get("pages") { request, _ in try await pages(request) }
        group.get("pages/:id") { _, context in try await page(context) }
        group.post("pages") { request, context in try await upload(request, context: context) }
        group.get("facts") { request, _ in try await facts(request) }
        group.get("indicators") { request, _ in try await indicators(request) }
        group.get("series") { request, _ in try await series(request) }
        group.get("entities") { request, _ in try await entities(request) }
        group.get("entities/:id") { request, context in try await entity(request, context: context) }
        group.get("projects") { request, _ in try await projects(request) }
        group.get("stats") { _, _ in try await stats() }
    }
}
