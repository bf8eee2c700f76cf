extension Sequence<UInt8> {
    /// The bytes in lowercase hexadecimal, two digits a byte: how a page's and a body's SHA-256
    /// digests are written (`Page.sha256`).
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
