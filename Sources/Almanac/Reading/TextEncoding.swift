import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The encodings a page file may arrive in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    /// GBK is a subset of GB18030, so it is decoded as GB18030.
    case gbk

    /// Accepts the names users type: `utf8`, `UTF-8`, `gb18030`, `GBK`, `gb2312`.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gb-18030": self = .gb18030
        case "gbk", "gb2312", "cp936": self = .gbk
        default: return nil
        }
    }

    /// Decodes `bytes`, or returns nil when they are not valid in this encoding.
    public func decode(_ bytes: some Collection<UInt8>) -> String? {
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .gb18030, .gbk:
            return Self.iconvDecode(Array(bytes), from: "GB18030")
        }
    }

    /// Converts with the C library's iconv, which ships the GB18030 tables with the system.
    private static func iconvDecode(_ input: [UInt8], from charset: String) -> String? {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        if input.isEmpty { return "" }
        // A GB18030 character of 1–4 bytes never needs more than 4 UTF-8 bytes, so 2× (+4) is enough.
        var output = [UInt8](repeating: 0, count: input.count * 2 + 4)
        var source = input
        let produced: Int? = source.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard status != -1, inLeft == 0 else { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[0..<produced], as: UTF8.self)
    }
}
