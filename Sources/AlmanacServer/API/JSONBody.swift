import Foundation
import Hummingbird

/// Encodes API responses: snake_case keys, `/` unescaped, UTF-8 as is.
enum JSONBody {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// A `200 OK` (or `status`) response holding `value` as `application/json`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        response(buffer: try buffer(value), status: status)
    }

    /// `value` encoded.
    static func buffer(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try encoder().encode(value))
    }

    /// A response holding JSON already encoded.
    static func response(buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// One page of a list, and the cursor of the next.
struct ListBody<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    /// Pass as `cursor` for the next page; `null` on the last page.
    var nextCursor: String?

    enum CodingKeys: CodingKey {
        case items, nextCursor
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)  // `null`, not left out, on the last page
    }
}
