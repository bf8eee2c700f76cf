import Almanac
import AlmanacModel
import AlmanacStore
import Crypto
import Foundation
import Hummingbird

/// `POST /api/v1/pages`: ingests one page sent as the request body.
///
/// The body is the page's raw text (UTF-8 or GB18030, as a page file holds it); `name` gives its
/// file name (the issue date is read from it, as `almanac ingest` reads it from a file's name)
/// and `paper` the paper's name. The page goes through the same `Ingest` pipeline as files do.
/// Uploads need `Authorization: Bearer TOKEN` with the token the server was started with, and
/// are off (403) when it was started without one.
extension ArchiveAPI {
    struct UploadBody: Encodable, Sendable {
        /// Whether the page was new (`false`: a page with the same bytes was already stored).
        var stored: Bool
        var name: String
        var sha256: String
        var articles: Int
    }

    func upload(_ request: Request, context: BasicRequestContext) async throws -> Response {
        try authorize(request)
        let parameters = QueryParameters(request.uri.query)
        let name = try uploadName(parameters)
        let paper = try parameters.text("paper", maxLength: 100) ?? ""
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxUploadBytes {
            throw Problem(
                status: .contentTooLarge,
                detail: "the page is \(length) bytes; this server takes pages of at most \(configuration.maxUploadBytes) bytes")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: configuration.maxUploadBytes)
        let data = Data(buffer.readableBytesView)
        let sha256 = SHA256.hash(data: data).lowercaseHex
        let summary = try await ingest(data, name: name, paper: paper)
        if let failure = summary.failed.first {
            throw Problem.unprocessable(nil, "the page could not be read: \(failure.reason)")
        }
        let body = UploadBody(stored: summary.pages == 1, name: name, sha256: sha256, articles: summary.articles)
        if body.stored { cache.removeAll() }
        context.logger.info("page uploaded", metadata: ["name": "\(name)", "stored": "\(body.stored)"])
        return try JSONBody.response(body, status: body.stored ? .created : .ok)
    }

    /// Throws 403 when uploads are off, 401 without the right bearer token.
    func authorize(_ request: Request) throws(Problem) {
        guard let token = configuration.uploadToken, !token.isEmpty else {
            throw Problem(
                status: .forbidden,
                detail: "uploads are off on this server; start it with --token or ALMANAC_TOKEN to allow them")
        }
        let header = request.headers[.authorization] ?? ""
        guard header.hasPrefix("Bearer "), Self.constantTimeEqual(String(header.dropFirst(7)), token) else {
            throw Problem(status: .unauthorized, detail: "send the upload token as 'Authorization: Bearer TOKEN'")
        }
    }

    /// The page's file name: one path component of letters, digits, `-_.` and CJK, at most 120 characters.
    func uploadName(_ parameters: QueryParameters) throws(Problem) -> String {
        guard let name = try parameters.text("name", maxLength: 120) else {
            throw Problem.badParameter("name", "name is required: the page's file name, e.g. ?name=2024-05-14_daily_01.txt")
        }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
        }
        guard allowed, !name.hasPrefix(".") else {
            throw Problem.badParameter("name", "name must be a plain file name (letters, digits, - _ .), not a path")
        }
        return name
    }

    /// Runs the page through `Ingest` from a private temporary folder, named as it was uploaded.
    func ingest(_ data: Data, name: String, paper: String) async throws -> IngestSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try data.write(to: file)
        guard var ingest = uploader else {
            throw Problem(status: .forbidden, detail: "uploads are off on this server")
        }
        ingest.paper = paper
        return await ingest.run(files: [file.path])
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
