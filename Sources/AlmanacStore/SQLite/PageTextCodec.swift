import CZlib
import Foundation
import GRDB

/// How a SQLite archive keeps a page's raw text: deflated (zlib), as a BLOB in `page.text`.
///
/// The raw page is read only to show it beside its articles (and to reprocess it), while it weighs
/// as much as all its articles together; deflated, Chinese newspaper text takes about half its
/// UTF-8 size. The BLOB is a 4-byte little-endian length of the UTF-8 text, then the zlib stream.
/// A page stored as TEXT (archives written before) is read as it is, so no migration is needed.
/// PostgreSQL compresses long values itself (TOAST) and keeps the text as text.
enum PageTextCodec {
    /// The value to store for `text`.
    static func encode(_ text: String) -> Data {
        var bytes = Array(text.utf8)
        var bound = compressBound(uLong(bytes.count))
        var output = [UInt8](repeating: 0, count: 4 + Int(bound))
        let count = UInt32(bytes.count)
        for shift in 0..<4 { output[shift] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift))) }
        let status = output.withUnsafeMutableBufferPointer { out in
            compress2(out.baseAddress! + 4, &bound, &bytes, uLong(bytes.count), 6)
        }
        precondition(status == Z_OK, "zlib compress2 failed (\(status)) with a sufficient buffer")
        return Data(output.prefix(4 + Int(bound)))
    }

    /// The text of a stored `page.text` value: TEXT as it is, a BLOB inflated.
    static func decode(_ value: DatabaseValue) throws -> String {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data): return try inflate(data)
        default: throw DatabaseError(message: "page text is neither text nor a deflated blob")
        }
    }

    static func inflate(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        guard bytes.count >= 4 else { throw DatabaseError(message: "page text blob is truncated") }
        let count = (0..<4).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        var length = uLong(count)
        var output = [UInt8](repeating: 0, count: max(count, 1))
        let status = bytes.withUnsafeBufferPointer { input in
            uncompress(&output, &length, input.baseAddress! + 4, uLong(bytes.count - 4))
        }
        guard status == Z_OK, Int(length) == count else {
            throw DatabaseError(message: "page text blob does not inflate (zlib \(status))")
        }
        return String(decoding: output.prefix(count), as: UTF8.self)
    }
}
