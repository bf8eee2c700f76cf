import AlmanacModel
import Crypto
import Foundation

/// Reads page files into `Page`s: checks that a file holds text, detects its encoding and decodes it.
///
/// ```swift
/// let page = try PageReader().read(path: "pages/2023-08-31_a.txt")
/// print(page.name, page.text.count)
/// ```
///
/// UTF-8 (with or without a byte-order mark) and GB18030/GBK are detected; `encoding` forces one.
/// CRLF and lone CR line ends become LF, so offsets count the text as a reader sees it.
public struct PageReader: Sendable {
    /// When set, the bytes are decoded with this encoding and no other.
    public var encoding: TextEncoding?

    public init(encoding: TextEncoding? = nil) {
        self.encoding = encoding
    }

    /// Reads and decodes the file at `path`.
    public func read(path: String) throws(ReadError) -> Page {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError(.notFound, path: path, message: "no such file; check the path")
        }
        if isDirectory.boolValue {
            throw ReadError(.isDirectory, path: path, message: "is a directory; name the page files inside it")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(.unreadable, path: path, message: "cannot be read (\(error.localizedDescription))")
        }
        let text = try decode(data, path: path)
        let digest = SHA256.hash(data: data).lowercaseHex
        return Page(source: path, sha256: digest, text: text)
    }

    /// Decodes page bytes that came from somewhere other than a file (an upload, a test).
    public func decode(_ data: Data, path: String) throws(ReadError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw ReadError(.empty, path: path, message: "is empty; a page file must hold the page's text")
        }
        if Self.looksBinary(bytes) {
            throw ReadError(.binary, path: path, message: "is a binary file, not page text")
        }
        let decoded: String
        if let encoding {
            guard let text = encoding.decode(bytes) else {
                throw ReadError(
                    .invalidEncoding, path: path,
                    message: "is not valid \(encoding.rawValue); try another --encoding or leave it out")
            }
            decoded = text
        } else if let text = TextEncoding.utf8.decode(bytes) {
            decoded = text
        } else if let text = TextEncoding.gb18030.decode(bytes), Self.readsAsChinese(text) {
            decoded = text
        } else {
            let offset = Self.firstInvalidUTF8Offset(bytes) ?? 0
            throw ReadError(
                .invalidEncoding, path: path,
                message: "is neither valid UTF-8 (bad byte at offset \(offset)) nor GB18030; "
                    + "convert it to UTF-8 or force one with --encoding")
        }
        return Self.unifyLineEnds(decoded)
    }

    // MARK: - Heuristics

    /// A NUL byte, or more than 1 % of C0 control bytes other than tab/CR/LF/FF, marks a binary file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        var controls = 0
        for byte in bytes {
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { controls += 1 }
        }
        return controls * 100 > bytes.count
    }

    /// GB18030 decodes many byte strings; accept it only when most letters are CJK ideographs or
    /// punctuation, which is what a page in a Chinese paper is made of.
    static func readsAsChinese(_ text: String) -> Bool {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && !scalar.isASCII {
            switch scalar.value {
            case 0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x206F: cjk += 1
            default: other += 1
            }
        }
        return cjk > 0 && other * 10 < cjk
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func unifyLineEnds(_ text: String) -> String {
        // Over the contiguous bytes: the generic walk of `utf8` cost as much as reading the file.
        let hasReturn = text.utf8.withContiguousStorageIfAvailable { $0.contains(0x0D) } ?? text.utf8.contains(0x0D)
        guard hasReturn else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
