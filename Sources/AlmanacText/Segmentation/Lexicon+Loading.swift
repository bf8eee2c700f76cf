import Foundation

/// Why a lexicon or model file could not be used.
public struct LexiconError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do about it.
    public let description: String

    init(_ description: String) { self.description = description }
}

extension Lexicon {
    /// The lexicon that ships with AlmanacText (derived from jieba's dictionary), loaded once.
    public static let bundled: Lexicon? = try? Lexicon(resource: "lexicon")

    /// Loads a bundled resource file named `name.bin`.
    init(resource name: String) throws {
        try self.init(bytes: try Self.resourceBytes(name))
    }

    /// Loads a lexicon file written by `scripts/lexicon/generate.py`.
    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError("cannot read lexicon file \(path): check that it exists and is readable")
        }
        try self.init(bytes: [UInt8](data))
    }

    static func resourceBytes(_ name: String) throws -> [UInt8] {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "bin", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "bin"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw LexiconError(
                "AlmanacText resource \(name).bin is missing: rebuild, or regenerate it with scripts/lexicon/generate.sh"
            )
        }
        return [UInt8](data)
    }

    /// Parses the binary layout: "ALXN", version, node count, word count, total frequency, tag names,
    /// then child starts (UInt32 × nodes + 1), frequencies (UInt32), labels (UInt16), tags (UInt8).
    init(bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes: bytes)
        guard try reader.magic() == "ALXN", try reader.uint32() == 1 else {
            throw LexiconError("not an AlmanacText lexicon (version 1): regenerate it with scripts/lexicon/generate.sh")
        }
        let count = Int(try reader.uint32())
        let words = Int(try reader.uint32())
        let total = try reader.uint64()
        let tagCount = Int(try reader.uint32())
        var tags: [String] = []
        for _ in 0..<tagCount {
            let length = Int(try reader.bytes(1)[0])
            tags.append(String(decoding: try reader.bytes(length), as: UTF8.self))
        }
        reader.align(4)
        let storage = try TrieStorage(nodeCount: count, totalFrequency: Double(total)) { storage in
            try reader.copy(into: storage.childStart)
            try reader.copy(into: storage.frequencies)
            try reader.copy(into: storage.labels)
            try reader.copy(into: storage.tags)
        }
        self.init(storage: storage, tagNames: tags, totalFrequency: Double(total), wordCount: words)
    }
}

/// Reads little-endian values from a byte array.
struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard offset + count <= bytes.count else { throw LexiconError("resource file is truncated: regenerate it") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func magic() throws -> String { String(decoding: try bytes(4), as: UTF8.self) }
    mutating func uint32() throws -> UInt32 { (try array(1) as [UInt32])[0] }
    mutating func uint64() throws -> UInt64 { (try array(1) as [UInt64])[0] }
    mutating func align(_ boundary: Int) { offset = (offset + boundary - 1) / boundary * boundary }

    /// Copies little-endian values into `buffer`, filling it.
    mutating func copy<T: FixedWidthInteger>(into buffer: UnsafeMutableBufferPointer<T>) throws {
        let size = buffer.count * MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw LexiconError("resource file is truncated: regenerate it") }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(
                from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
        }
        offset += size
        for index in buffer.indices { buffer[index] = T(littleEndian: buffer[index]) }
    }

    /// Copies `count` little-endian values of a fixed-width type.
    mutating func array<T: FixedWidthInteger>(_ count: Int) throws -> [T] {
        let size = count * MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw LexiconError("resource file is truncated: regenerate it") }
        let start = offset
        offset += size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for index in 0..<count {
                    buffer[index] = T(
                        littleEndian: raw.loadUnaligned(
                            fromByteOffset: start + index * MemoryLayout<T>.size, as: T.self))
                }
            }
            initialized = count
        }
    }

    /// Copies `count` little-endian `Float` or `Double` values.
    mutating func floats<T: BinaryFloatingPoint & BitwiseCopyable>(_ count: Int, as: T.Type) throws -> [T] {
        let size = count * MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw LexiconError("resource file is truncated: regenerate it") }
        let start = offset
        offset += size
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { raw.loadUnaligned(fromByteOffset: start + $0 * MemoryLayout<T>.size, as: T.self) }
        }
    }
}
