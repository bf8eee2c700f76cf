import Crypto
import Foundation

/// The sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256` — PostgreSQL as hex text, SQLite as its 32 bytes
/// (a BLOB; rows written before hold hex) — so the digest itself must not change between them.
func bodyDigestBytes(_ body: String) -> Data {
    let normalised = String(String.UnicodeScalarView(body.unicodeScalars.filter { !$0.properties.isWhitespace }))
    return Data(SHA256.hash(data: Data(normalised.utf8)))
}

/// ``bodyDigestBytes(_:)`` in hex.
func bodyDigest(_ body: String) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in bodyDigestBytes(body) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
}
