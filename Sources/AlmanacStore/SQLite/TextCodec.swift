import AlmanacModel
import CZlib
import Foundation
import GRDB

/// How a SQLite archive keeps long text — a page's raw text, an article's body — deflated (zlib).
///
/// Text is most of an archive: a page's raw text and its articles' bodies each weigh about as much
/// as the page. A body is stored as a BLOB when deflating makes it smaller (Chinese news text takes
/// about two thirds of its UTF-8 size on its own), else as TEXT. A page's raw text is deflated with
/// its articles as the preset dictionary: the articles are the page's text rebuilt, so the page
/// costs little more than what layout left out (a tenth of its deflated size alone). The page is
/// read only beside its articles, which are read first to give the dictionary back.
///
/// A BLOB is a 4-byte little-endian length of the UTF-8 text, then the zlib stream (whose header
/// says whether a dictionary was used, and whose Adler-32 of it must match). A value stored as TEXT
/// (by older versions, or too short to gain) is read as it is, so no migration rewrites the archive.
/// PostgreSQL compresses long values itself (TOAST) and keeps text as text.
enum TextCodec {
    /// The value to store for `text`: deflated with `dictionary` when one is given, else deflated
    /// only when that makes it smaller.
    static func encode(_ text: String, dictionary: [UInt8] = []) -> DatabaseValue {
        let bytes = Array(text.utf8)
        let blob = deflated(bytes, dictionary: dictionary)
        if dictionary.isEmpty, blob.count >= bytes.count { return text.databaseValue }
        return blob.databaseValue
    }

    /// The text of a stored value: TEXT as it is, a BLOB inflated (with `dictionary()` if its stream
    /// asks for one).
    static func decode(_ value: DatabaseValue, dictionary: () throws -> [UInt8] = { [] }) throws -> String {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data): return try inflated(data, dictionary: dictionary)
        default: throw DatabaseError(message: "stored text is neither text nor a deflated blob")
        }
    }

    /// The preset dictionary of a page's raw text: its articles' printed parts in page order.
    ///
    /// Writing and reading must build it from the same articles; a reader given others gets a clear
    /// error from zlib (the dictionary's checksum is in the stream), never wrong text.
    static func pageDictionary(_ articles: [Article]) -> [UInt8] {
        var dictionary: [UInt8] = []
        for article in articles {
            for part in [article.headline, article.subheadline] + article.captions + [article.body] where !part.isEmpty {
                dictionary.append(contentsOf: part.utf8)
                dictionary.append(0x0A)
            }
        }
        // zlib uses the last 32 KiB (its window); the rest would only be hashed.
        return Array(dictionary.suffix(32 * 1024))
    }

    // MARK: - zlib

    static func deflated(_ bytes: [UInt8], dictionary: [UInt8]) -> Data {
        var stream = z_stream()
        var status = deflateInit_(&stream, 6, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit failed (\(status))")
        defer { deflateEnd(&stream) }
        if !dictionary.isEmpty {
            status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            precondition(status == Z_OK, "zlib deflateSetDictionary failed (\(status))")
        }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: 4 + bound)
        let count = UInt32(bytes.count)
        for shift in 0..<4 { output[shift] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift))) }
        var input = bytes
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress! + 4
                stream.avail_out = uInt(bound)
                status = deflate(&stream, Z_FINISH)
                return bound - Int(stream.avail_out)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status)) with a sufficient buffer")
        return Data(output.prefix(4 + written))
    }

    static func inflated(_ data: Data, dictionary: () throws -> [UInt8]) throws -> String {
        var input = [UInt8](data)
        guard input.count >= 6 else { throw DatabaseError(message: "deflated text is truncated") }
        let count = (0..<4).reduce(0) { $0 | Int(input[$1]) << (8 * $1) }
        var output = [UInt8](repeating: 0, count: max(count, 1))
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatabaseError(message: "zlib inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress! + 4
                stream.avail_in = uInt(source.count - 4)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return inflate(&stream, Z_FINISH)
            }
        }
        if status == Z_NEED_DICT {
            let words = try dictionary()
            status = words.withUnsafeBufferPointer { inflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard status == Z_OK else {
                throw DatabaseError(message: "deflated text was written with another dictionary (zlib \(status))")
            }
            status = input.withUnsafeMutableBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    // The stream keeps its offsets; the buffers are the same arrays, not moved.
                    let consumed = source.count - 4 - Int(stream.avail_in)
                    let produced = target.count - Int(stream.avail_out)
                    stream.next_in = source.baseAddress! + 4 + consumed
                    stream.next_out = target.baseAddress! + produced
                    return inflate(&stream, Z_FINISH)
                }
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == count else {
            throw DatabaseError(message: "deflated text does not inflate (zlib \(status))")
        }
        return String(decoding: output.prefix(count), as: UTF8.self)
    }
}
