import AlmanacStore
import Hummingbird
import Logging

/// Turns every error a route throws into a response of the right status: a problem document for
/// the API, an HTML error page for the pages a browser reads.
///
/// Routes throw ``Problem``s for what the client got wrong; Hummingbird throws `HTTPError` for an
/// unknown path (404) or a body over the limit (413); the store throws `SearchError` for a query
/// without a word (422). Anything else is the server's fault: logged in full, answered with a 500
/// that reveals nothing of it.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Renders an error page for a browser; `nil` answers with the problem document instead.
    let page: @Sendable (Problem) -> Response?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let problem = Self.problem(for: error, logger: context.logger)
            let path = request.uri.path
            let wantsJSON = path.hasPrefix("/api/") || path == "/healthz"
            if !wantsJSON, let response = page(problem) { return response }
            var response = problem.response()
            if problem.status == 401 { response.headers[.wwwAuthenticate] = "Bearer realm=\"almanac\"" }
            return response
        }
    }

    static func problem(for error: any Error, logger: Logger) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as SearchError:
            return Problem(status: .unprocessableContent, detail: error.message, parameter: "q")
        case let error as any HTTPResponseError:
            let detail =
                switch error.status {
                case .notFound: "nothing here; the API's routes are listed at /api/v1/openapi.json"
                case .contentTooLarge: "the request body is larger than this server accepts"
                default: (error as? HTTPError)?.body ?? error.status.reasonPhrase
                }
            return Problem(status: error.status, detail: detail)
        default:
            logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return Problem(status: .internalServerError, detail: "the server failed to answer; the error is in its log")
        }
    }
}
