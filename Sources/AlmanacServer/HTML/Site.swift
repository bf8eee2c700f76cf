import AlmanacStore
import HTTPTypes
import Hummingbird
import Mustache

/// The web app: server-rendered HTML pages over the archive, readable with JavaScript off.
///
/// Pages are mustache templates (`Resources/templates`) filled from view models built here; every
/// value a template shows with `{{…}}` is escaped, and the few fragments built in Swift (marked
/// snippets, annotated bodies, SVG charts) escape their text with ``HTMLText``. Responses carry
/// a Content-Security-Policy that allows no script at all and styles only from this server.
struct Site: Sendable {
    let store: any Store
    let configuration: ServerConfiguration
    let templates: MustacheLibrary

    /// What every page's frame shows, around the page's own view model.
    struct Frame<Content>: @unchecked Sendable {
        // @unchecked: a Frame lives only for the duration of one render call on one task.
        var siteTitle: String
        var searchText: String
        var content: Content
    }

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
        + "frame-ancestors 'none'"

    // The name is well-formed; HTTPField.Name's initialiser only fails on characters a header name cannot hold.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType

    /// Adds the pages' routes to `router`.
    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await home() }
        router.get("/search") { request, _ in try await search(request) }
        router.get("/articles") { request, _ in try await articles(request) }
        router.get("/articles/:id") { _, context in try await article(context) }
        router.get("/pages/:id") { _, context in try await page(context) }
        router.get("/entities/:id") { _, context in try await entity(context) }
        router.get("/indicators") { request, _ in try await indicators(request) }
        router.get("/series") { request, _ in try await series(request) }
        router.get("/projects") { request, _ in try await projects(request) }
    }

    /// `template` filled with `content`, as a complete HTML response.
    func render<Content>(
        _ template: String, _ content: Content, searchText: String = "", status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let frame = Frame(siteTitle: configuration.title, searchText: searchText, content: content)
        guard let html = templates.render(frame, withTemplate: template) else {
            throw Problem(status: .internalServerError, detail: "the page template '\(template)' is missing")
        }
        return Self.htmlResponse(html, status: status)
    }

    static func htmlResponse(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[Self.referrerPolicy] = "same-origin"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The error page for `problem`, with the problem's status.
    func errorPage(_ problem: Problem) -> Response? {
        try? render("error", problem, status: HTTPResponse.Status(code: problem.status))
    }
}
