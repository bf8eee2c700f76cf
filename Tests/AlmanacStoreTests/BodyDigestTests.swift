import Testing

@testable import AlmanacStore

/// An article body's digest: the SHA-256 of its UTF-8 with every White_Space scalar removed.
struct BodyDigestTests {
    /// White space of every kind the property names, between and around one to four byte scalars.
    static let bodies = [
        "", " ", "岚江", " 岚江市\n上半年\t担保贷款 6.43亿元。\u{3000}\u{3000}",
        "a\u{85}b\u{A0}c\u{1680}d\u{2000}e\u{200A}f\u{2028}g\u{2029}h\u{202F}i\u{205F}j\u{3000}k\u{0B}l\u{0C}",
        "😀 𠮷野家\r\n café ß", String(repeating: "岚江 市\n", count: 300),
    ]

    @Test func theDigestIsTheSHA256OfTheTextWithoutWhiteSpace() {
        // The standard test vector: SHA-256 of "abc".
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(bodyDigest("abc") == abc)
        #expect(bodyDigest(" a\u{3000}b\n\tc\u{2029}") == abc)
    }

    @Test(arguments: bodies)
    func whiteSpaceIsLeftOutAndNothingElse(_ body: String) {
        let kept = String(String.UnicodeScalarView(body.unicodeScalars.filter { !$0.properties.isWhitespace }))
        #expect(bodyDigestBytes(body) == bodyDigestBytes(kept))
        #expect(bodyDigestBytes(body + "岚") != bodyDigestBytes(kept))
        #expect(bodyDigestBytes(body).count == 32)
    }
}
