import Crypto
import Foundation

/// Hex sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256`, so the digest must not change between them.
func bodyDigest(_ body: String) -> String {
    let normalised = String(String.UnicodeScalarView(body.unicodeScalars.filter { !$0.properties.isWhitespace }))
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(64)
    for byte in SHA256.hash(data: Data(normalised.utf8)) {
        hex.append(digits[Int(byte >> 4)])
        hex.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: hex, as: UTF8.self)
}
