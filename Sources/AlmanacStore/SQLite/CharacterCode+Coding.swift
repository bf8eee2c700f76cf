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

    /// The UTF-8 of the text that `bits` spells, which is `count` bytes long.
    func decode(_ bits: UnsafeBufferPointer<UInt8>, utf8Count count: Int) throws -> [UInt8] {
        // A word of a bit or more gives at most 4 bytes: a larger count is a damaged length, not a
        // reason to allocate it.
        guard count <= bits.count * 32 else { throw CharacterCodeError.damaged("a text's length does not match") }
        var output = [UInt8](repeating: 0, count: count + 4)
        var written = 0
        var position = 0
        // The next bits of the stream, most significant first; `available` of them are real.
        var window: UInt64 = 0
        var available = 0
        let lookupBits = Self.lookupBits
        try lookup.withUnsafeBufferPointer { lookup in
            try output.withUnsafeMutableBufferPointer { output in
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
                    var value: UInt32
                    if entry >> 40 != 0 {
                        _ = take(Int(entry >> 40))
                        let byteCount = Int(entry >> 32 & 0xFF)
                        if byteCount != 0 {
                            guard written + byteCount <= count else { break }
                            // Four bytes written, `byteCount` kept: `output` has room to spare.
                            let bytes = UInt32(truncatingIfNeeded: entry)
                            for offset in 0..<4 {
                                output[written + offset] = UInt8(truncatingIfNeeded: bytes >> (8 * offset))
                            }
                            written += byteCount
                            continue
                        }
                        value = Self.escape
                    } else {
                        value = try longSymbol(take: take)
                    }
                    if value == Self.escape { value = take(21) }
                    let (bytes, byteCount) = Self.utf8(of: value)
                    guard written + Int(byteCount) <= count else { break }
                    for offset in 0..<Int(byteCount) {
                        output[written + offset] = UInt8(truncatingIfNeeded: bytes >> (8 * offset))
                    }
                    written += Int(byteCount)
                }
            }
        }
        guard written == count else { throw CharacterCodeError.damaged("a text's length does not match") }
        output.removeLast(4)
        return output
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
