import Almanac
import AlmanacStore
import Hummingbird
import Logging

/// Builds the Almanac web server over `store`: the JSON API, the HTML pages, `/healthz`.
///
/// ```swift
/// let app = try buildApplication(store: store, configuration: ServerConfiguration(port: 8080), logger: logger)
/// try await app.runService()  // until SIGINT or SIGTERM, then drains open requests
/// ```
public func buildApplication(
    store: any Store, configuration: ServerConfiguration, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(store: store, configuration: configuration)
    return Application(
        router: router,
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: configuration.title),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}

/// The router of every route the server answers; `buildApplication` serves it, tests call it in-process.
public func buildRouter(store: any Store, configuration: ServerConfiguration) throws -> Router<BasicRequestContext> {
    let templates = try ServerResources.templates()
    let stylesheet = ByteBuffer(bytes: try ServerResources.data("assets/site.css"))
    let openAPI = ByteBuffer(bytes: try ServerResources.data("openapi.json"))
    let site = Site(store: store, configuration: configuration, templates: templates)
    let router = Router()
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ProblemMiddleware(page: { site.errorPage($0) }))
    router.get("/healthz") { _, _ in
        _ = try await store.containsPage(sha256: "")
        return try JSONBody.response(["status": "ok"])
    }
    router.get("/assets/site.css") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: stylesheet))
    }
    let uploader = configuration.uploadsEnabled ? try Ingest(store: store, jobs: 1) : nil
    ArchiveAPI(
        store: store, configuration: configuration, openAPIDocument: openAPI,
        cache: ResponseCache(capacity: configuration.searchCacheSize), uploader: uploader
    ).register(on: router.group("api/v1"))
    site.register(on: router)
    return router
}
