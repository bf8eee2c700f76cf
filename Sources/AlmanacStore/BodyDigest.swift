import AlmanacModel
import Crypto
import Foundation

/// The sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256` — PostgreSQL as hex text, SQLite as its 32 bytes
/// (a BLOB; rows written before hold hex) — so the digest itself must not change between them.
func bodyDigestBytes(_ body: String) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(body.utf8.count)
    for scalar in body.unicodeScalars where !isWhitespace(scalar) {
        UTF8.encode(scalar) { bytes.append($0) }
    }
    return Data(SHA256.hash(data: bytes))
}

/// Whether `scalar` is white space (Unicode's White_Space property), without looking the property up
/// for the ASCII, CJK and full-width scalars that make up most of a Chinese article.
private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
    if (0x3400...0x9FFF).contains(value) || (0xFF01...0xFF5E).contains(value) { return false }
    return scalar.properties.isWhitespace
}

/// ``bodyDigestBytes(_:)`` in hex.
func bodyDigest(_ body: String) -> String {
    bodyDigestBytes(body).lowercaseHex
}
