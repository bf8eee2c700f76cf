/// Segmenting whole files: UTF-8 in, UTF-8 out, line by line, without building strings.
extension Segmenter {
    /// Segments UTF-8 text line by line: each input line becomes one output line with its words
    /// separated by `separator` (two spaces, the SIGHAN format). `\r\n` line ends become `\n`.
    public func segmentLines(utf8 input: [UInt8], separator: String = "  ") -> [UInt8] {
        var folded: [UInt32] = []
        var byteOffsets: [Int32] = []
        UTF8Decoding.decode(input, foldingWidth: true, into: &folded, byteOffsets: &byteOffsets)
        let separatorBytes = Array(separator.utf8)
        // Room for the worst case: every scalar a word of its own, each followed by a separator.
        var output = [UInt8](repeating: 0, count: input.count + folded.count * separatorBytes.count + 1)
        var written = 0
        var ranges: [Range<Int>] = []
        var scratch = Scratch()
        folded.withUnsafeBufferPointer { all in
            input.withUnsafeBufferPointer { bytes in
                byteOffsets.withUnsafeBufferPointer { offsets in
                    separatorBytes.withUnsafeBufferPointer { separator in
                        output.withUnsafeMutableBufferPointer { out in
                            var lineStart = 0
                            while lineStart < all.count {
                                var lineEnd = lineStart
                                while lineEnd < all.count && all[lineEnd] != 0x0A { lineEnd += 1 }
                                ranges.removeAll(keepingCapacity: true)
                                appendWords(
                                    of: UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), to: &ranges,
                                    scratch: &scratch)
                                var first = true
                                for range in ranges {
                                    if !first {
                                        for byte in separator {
                                            out[written] = byte
                                            written += 1
                                        }
                                    }
                                    first = false
                                    let from = Int(offsets[lineStart + range.lowerBound])
                                    let to = Int(offsets[lineStart + range.upperBound])
                                    for index in from..<to {
                                        out[written] = bytes[index]
                                        written += 1
                                    }
                                }
                                out[written] = 0x0A
                                written += 1
                                lineStart = lineEnd + 1
                            }
                        }
                    }
                }
            }
        }
        output.removeSubrange(written...)
        return output
    }
}

/// Minimal UTF-8 decoding and encoding over scalar values.
enum UTF8Decoding {
    /// Decodes UTF-8 bytes into scalar values (width-folded if asked) and the byte offset of each
    /// scalar plus a final entry for the end; a malformed byte becomes U+FFFD.
    static func decode(
        _ bytes: [UInt8], foldingWidth: Bool, into scalars: inout [UInt32], byteOffsets: inout [Int32]
    ) {
        scalars.reserveCapacity(bytes.count / 2)
        byteOffsets.reserveCapacity(bytes.count / 2 + 1)
        bytes.withUnsafeBufferPointer { input in
            var index = 0
            let count = input.count
            while index < count {
                let lead = input[index]
                var value: UInt32
                var length: Int
                if lead < 0x80 {
                    value = UInt32(lead)
                    length = 1
                } else if lead & 0xE0 == 0xC0 {
                    value = UInt32(lead & 0x1F)
                    length = 2
                } else if lead & 0xF0 == 0xE0 {
                    value = UInt32(lead & 0x0F)
                    length = 3
                } else if lead & 0xF8 == 0xF0 {
                    value = UInt32(lead & 0x07)
                    length = 4
                } else {
                    value = 0xFFFD
                    length = 1
                }
                if length > 1 {
                    if index + length > count {
                        value = 0xFFFD
                        length = 1
                    } else {
                        for offset in 1..<length {
                            let byte = input[index + offset]
                            if byte & 0xC0 != 0x80 {
                                value = 0xFFFD
                                length = offset
                                break
                            }
                            value = (value << 6) | UInt32(byte & 0x3F)
                        }
                    }
                }
                byteOffsets.append(Int32(index))
                scalars.append(foldingWidth ? ScalarClass.foldWidth(value) : value)
                index += length
            }
            byteOffsets.append(Int32(count))
        }
    }

    /// The scalar values of UTF-8 bytes; malformed sequences become U+FFFD.
    static func scalars(of bytes: [UInt8]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(bytes.count / 2)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): result.append(scalar.value)
            case .emptyInput: break loop
            case .error: result.append(0xFFFD)
            }
        }
        return result
    }

    /// Appends the UTF-8 encoding of a scalar value.
    @inline(__always)
    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
