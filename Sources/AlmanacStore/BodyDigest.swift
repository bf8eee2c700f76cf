import AlmanacModel
import AlmanacText
import Crypto
import Foundation

/// The sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256` — PostgreSQL as hex text, SQLite as its 32 bytes
/// (a BLOB; rows written before hold hex) — so the digest itself must not change between them.
func bodyDigestBytes(_ body: String) -> Data {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(body.utf8.count)
    // White space is Unicode's White_Space property, tested by value.
    for scalar in body.unicodeScalars where !ScalarClass.isWhiteSpace(scalar.value) {
        UTF8.encode(scalar) { bytes.append($0) }
    }
    return Data(SHA256.hash(data: bytes))
}

/// ``bodyDigestBytes(_:)`` in hex.
func bodyDigest(_ body: String) -> String {
    bodyDigestBytes(body).lowercaseHex
}
