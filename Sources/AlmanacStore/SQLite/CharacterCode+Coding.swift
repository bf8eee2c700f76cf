import Foundation

extension CharacterCode {
    /// `text` spelt in this code, appended to `output`: each scalar's code word, most significant
    /// bit first, the last byte padded with zero bits.
    func encode(_ text: String, into output: inout [UInt8]) {
        var pending: UInt64 = 0
        var pendingBits = 0
        @inline(__always) func put(_ bits: UInt32, _ count: Int) {
            pending = pending << UInt64(count) | UInt64(bits)
            pendingBits += count
            while pendingBits >= 8 {
                pendingBits -= 8
                output.append(UInt8(truncatingIfNeeded: pending >> UInt64(pendingBits)))
            }
        }
        encoding.withUnsafeBufferPointer { encoding in
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let packed = value < 0x1_0000 ? encoding[Int(value)] : 0
                if packed != 0 {
                    put(packed >> 5, Int(packed & 31))
                } else {
                    put(escapeWord >> 5, Int(escapeWord & 31))
                    put(value, 21)
                }
            }
        }
        if pendingBits > 0 { output.append(UInt8(truncatingIfNeeded: pending << UInt64(8 - pendingBits))) }
    }

    /// The UTF-8 of the text that `bits` spells, which is `count` bytes long and sums to `checksum`
    /// (Adler-32).
    func decode(_ bits: UnsafeBufferPointer<UInt8>, utf8Count count: Int, checksum: UInt32) throws -> [UInt8] {
        try checkLength(count, of: bits)
        var output = [UInt8](repeating: 0, count: count + 4)
        try output.withUnsafeMutableBufferPointer { output in
            var written = 0
            try forEachCharacter(in: bits, utf8Count: count) { bytes, byteCount in
                // Four bytes written, `byteCount` kept: `output` has room to spare.
                for offset in 0..<4 { output[written + offset] = UInt8(truncatingIfNeeded: bytes >> (8 * offset)) }
                written += byteCount
            }
        }
        output.removeLast(4)
        guard TextCodec.checksum(output) == checksum else { throw Self.unreadable }
        return output
    }

    /// The scalars of the text that `bits` spells, whose UTF-8 is `count` bytes long and sums to
    /// `checksum` (Adler-32): what a snippet is cut from, without the text's UTF-8 made and read again.
    func decodeScalars(_ bits: UnsafeBufferPointer<UInt8>, utf8Count count: Int, checksum: UInt32) throws
        -> [Unicode.Scalar]
    {
        try checkLength(count, of: bits)
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(count / 2)
        // Adler-32 as zlib sums it, reduced every `AdlerSum.reduceAfter` bytes.
        var sum = AdlerSum()
        try forEachCharacter(in: bits, utf8Count: count) { bytes, byteCount in
            let value: UInt32
            switch byteCount {
            case 1: value = bytes
            case 2: value = (bytes & 0x1F) << 6 | (bytes >> 8 & 0x3F)
            case 3: value = (bytes & 0x0F) << 12 | (bytes >> 8 & 0x3F) << 6 | (bytes >> 16 & 0x3F)
            default:
                value =
                    (bytes & 0x07) << 18 | (bytes >> 8 & 0x3F) << 12 | (bytes >> 16 & 0x3F) << 6 | (bytes >> 24 & 0x3F)
            }
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            for offset in 0..<byteCount { sum.add(UInt8(truncatingIfNeeded: bytes >> (8 * offset))) }
        }
        guard sum.value == checksum else { throw Self.unreadable }
        return scalars
    }

    /// A text that does not sum to its checksum.
    private static let unreadable = CharacterCodeError.damaged("a text does not read back: written with another code?")

    /// A word of a bit or more gives at most 4 bytes: a larger count is a damaged length, not a
    /// reason to allocate it.
    private func checkLength(_ count: Int, of bits: UnsafeBufferPointer<UInt8>) throws {
        guard count <= bits.count * 32 else { throw CharacterCodeError.damaged("a text's length does not match") }
    }

    /// Reads the characters `bits` spells, in order, giving each one's UTF-8 (little-endian in a
    /// word, with its byte count) to `body`, until `count` bytes are given; throws when the bits end
    /// early or the last character would go past `count`.
    @inline(__always)
    private func forEachCharacter(
        in bits: UnsafeBufferPointer<UInt8>, utf8Count count: Int, _ body: (UInt32, Int) -> Void
    ) throws {
        var written = 0
        var position = 0
        // The next bits of the stream, most significant first; `available` of them are real.
        var window: UInt64 = 0
        var available = 0
        let lookupBits = Self.lookupBits
        try lookup.withUnsafeBufferPointer { lookup in
            @inline(__always) func refill() {
                while available <= 56 {
                    let byte = position < bits.count ? UInt64(bits[position]) : 0
                    position += 1
                    window |= byte << UInt64(56 - available)
                    available += 8
                }
            }
            @inline(__always) func take(_ count: Int) -> UInt32 {
                let value = UInt32(truncatingIfNeeded: window >> UInt64(64 - count))
                window <<= UInt64(count)
                available -= count
                return value
            }
            while written < count {
                refill()
                // Past the end the zero padding would decode as the code's first word forever.
                guard position <= bits.count + 8 else { throw CharacterCodeError.damaged("a text ends early") }
                let entry = lookup[Int(truncatingIfNeeded: window >> UInt64(64 - lookupBits))]
                var bytes = UInt32(truncatingIfNeeded: entry)
                var byteCount = Int(entry >> 32 & 0xFF)
                if entry >> 40 != 0 {
                    _ = take(Int(entry >> 40))
                } else {
                    (bytes, byteCount) = Self.utf8Int(of: try longSymbol(take: take))
                }
                if byteCount == 0 {  // the escape
                    (bytes, byteCount) = Self.utf8Int(of: take(21))
                }
                guard written + byteCount <= count else { break }
                body(bytes, byteCount)
                written += byteCount
            }
        }
        guard written == count else { throw CharacterCodeError.damaged("a text's length does not match") }
    }

    /// ``utf8(of:)`` with the count as an `Int`; the escape (no scalar) as no bytes.
    @inline(__always)
    private static func utf8Int(of value: UInt32) -> (UInt32, Int) {
        guard value != escape else { return (0, 0) }
        let (bytes, count) = utf8(of: value)
        return (bytes, Int(count))
    }

    /// The symbol of a code word longer than ``lookupBits``, read bit by bit past them.
    private func longSymbol(take: (Int) -> UInt32) throws -> UInt32 {
        var word = take(Self.lookupBits)
        for length in (Self.lookupBits + 1)...Self.maximumLength {
            word = word << 1 | take(1)
            let offset = Int(word) - Int(firstCode[length])
            if offset >= 0 && offset < countOfLength[length] { return symbols[firstIndex[length] + offset] }
        }
        throw CharacterCodeError.damaged("no code word matches")
    }
}

/// Adler-32 summed a byte at a time (zlib's `adler32`, for bytes that are never in one buffer).
struct AdlerSum {
    private var a: UInt32 = 1
    private var b: UInt32 = 0
    private var pending = 0
    /// Bytes that can be summed before the sums must be reduced without overflowing (zlib's NMAX).
    private static let reduceAfter = 5552
    private static let modulus: UInt32 = 65521

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        a &+= UInt32(byte)
        b &+= a
        pending += 1
        if pending == Self.reduceAfter { reduce() }
    }

    private mutating func reduce() {
        a %= Self.modulus
        b %= Self.modulus
        pending = 0
    }

    var value: UInt32 {
        var sum = self
        sum.reduce()
        return sum.b << 16 | sum.a
    }
}
