import AlmanacModel
import AlmanacText
import Crypto
import Foundation

/// The sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256` — PostgreSQL as hex text, SQLite as its 32 bytes
/// (a BLOB; rows written before hold hex) — so the digest itself must not change between them.
func bodyDigestBytes(_ body: String) -> Data {
    var body = body
    return body.withUTF8 { bytes in
        // The runs between white space are hashed where they lie in the body's UTF-8, rather than
        // copied out scalar by scalar. White space is Unicode's White_Space property, tested by value.
        var hasher = SHA256()
        var run = 0
        var index = 0
        while index < bytes.count {
            let lead = UInt32(bytes[index])
            var value = lead
            var length = 1
            if lead >= 0xF0 {
                length = 4
            } else if lead >= 0xE0 {
                value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                length = 3
            } else if lead >= 0xC0 {
                value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                length = 2
            }
            // No scalar beyond the Basic Multilingual Plane is white space: four-byte ones are not decoded.
            if length < 4, ScalarClass.isWhiteSpace(value) {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run..<index])))
                run = index + length
            }
            index += length
        }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])))
        return Data(hasher.finalize())
    }
}

/// ``bodyDigestBytes(_:)`` in hex.
func bodyDigest(_ body: String) -> String {
    bodyDigestBytes(body).lowercaseHex
}
