import Foundation
import Hummingbird

/// An error answered as an RFC 9457 problem document (`application/problem+json`).
///
/// ```json
/// {"type": "about:blank", "title": "Bad Request", "status": 400,
///  "detail": "limit must be a whole number, not 'ten'", "parameter": "limit"}
/// ```
///
/// `detail` says what was wrong with the request and how to fix it; `parameter` names the query
/// parameter at fault, when there is one.
public struct Problem: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var parameter: String?

    public init(status: HTTPResponse.Status, detail: String, parameter: String? = nil) {
        self.type = "about:blank"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.parameter = parameter
    }

    public var description: String { "\(status) \(title): \(detail)" }

    /// The media type of a problem document.
    public static let mediaType = "application/problem+json"

    /// A malformed parameter: not a number, not a date, a cursor that was not ours (400).
    public static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(status: .badRequest, detail: detail, parameter: name)
    }

    /// A well-formed parameter with a value the server will not take: too long, too large (422).
    public static func unprocessable(_ name: String?, _ detail: String) -> Problem {
        Problem(status: .unprocessableContent, detail: detail, parameter: name)
    }

    /// Nothing at this address (404).
    public static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, detail: detail)
    }

    /// The response carrying this problem.
    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{\"status\":\(status)}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = Self.mediaType
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
