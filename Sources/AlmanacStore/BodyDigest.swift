import Crypto
import Foundation

/// Hex sha256 of an article body with all whitespace removed, for finding the same article on two pages.
///
/// Every driver stores it in `article.body_sha256`, so the digest must not change between them.
func bodyDigest(_ body: String) -> String {
    let normalised = String(String.UnicodeScalarView(body.unicodeScalars.filter { !$0.properties.isWhitespace }))
    return SHA256.hash(data: Data(normalised.utf8)).map { String(format: "%02x", $0) }.joined()
}
