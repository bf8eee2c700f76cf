import Foundation

/// Where the next page of a list starts, handed to clients as an opaque token.
///
/// A cursor holds the offset of the next item and a fingerprint of the filters it was made for,
/// so a cursor that is replayed with other filters, altered or made up is refused (400) rather
/// than silently paging through something else.
struct Cursor: Sendable, Equatable {
    var offset: Int
    var fingerprint: UInt32

    /// The cursor's token: URL-safe base64 without padding.
    var token: String {
        let text = "\(offset).\(String(fingerprint, radix: 16))"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(offset: Int, fingerprint: UInt32) {
        self.offset = offset
        self.fingerprint = fingerprint
    }

    /// Reads a token made for the same filters (`fingerprint`); throws a 400 problem otherwise.
    init(token: String, fingerprint expected: UInt32) throws(Problem) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        let invalid = Problem.badParameter("cursor", "cursor is not one this server handed out; start again without it")
        guard token.count <= 64, let data = Data(base64Encoded: base64) else { throw invalid }
        let parts = String(decoding: data, as: UTF8.self).split(separator: ".")
        guard parts.count == 2, let offset = Int(parts[0]), offset >= 0, let fingerprint = UInt32(parts[1], radix: 16)
        else { throw invalid }
        guard fingerprint == expected else {
            throw Problem.badParameter("cursor", "cursor belongs to a different query or filters; start again without it")
        }
        self.init(offset: offset, fingerprint: fingerprint)
    }

    /// A stable 32-bit FNV-1a hash of the filter values a cursor is tied to.
    static func fingerprint(_ values: [String?]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for value in values {
            for byte in (value ?? "\u{0}").utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 16_777_619
            }
            hash ^= 0x1F
            hash = hash &* 16_777_619
        }
        return hash
    }
}
