/// Character classes used throughout AlmanacText, computed on raw `UInt32` scalar values.
///
/// Every function folds full-width forms first, so `Ａ`, `ａ` and `a` classify alike.
public enum ScalarClass {
    /// Folds full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space to their ASCII forms.
    @inlinable
    public static func foldWidth(_ value: UInt32) -> UInt32 {
        if value >= 0xFF01 && value <= 0xFF5E { return value - 0xFEE0 }
        if value == 0x3000 { return 0x20 }
        return value
    }

    /// Whether the scalar is a CJK unified ideograph (including extension A and the compatibility block).
    @inlinable
    public static func isHan(_ value: UInt32) -> Bool {
        (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x2FA1F)
    }

    /// Whether the (folded) scalar is an ASCII digit.
    @inlinable
    public static func isDigit(_ value: UInt32) -> Bool {
        let v = foldWidth(value)
        return v >= 0x30 && v <= 0x39
    }

    /// Whether the (folded) scalar is an ASCII Latin letter.
    @inlinable
    public static func isLatin(_ value: UInt32) -> Bool {
        let v = foldWidth(value) | 0x20
        return v >= 0x61 && v <= 0x7A
    }

    /// Whether the scalar is white space (ASCII, ideographic, no-break or zero-width space).
    @inlinable
    public static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x3000 || value == 0xA0
            || value == 0x200B || value == 0xFEFF || value == 0x0B || value == 0x0C
    }

    /// The value of a (folded) ASCII digit, or `nil`.
    @inlinable
    public static func digitValue(_ value: UInt32) -> Int? {
        let v = foldWidth(value)
        return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil
    }
}

extension String {
    /// The string's Unicode scalar values, the unit every AlmanacText offset counts.
    ///
    /// Decoded straight from the string's UTF-8 (always valid in a Swift string) into an array of
    /// exactly the right size, rather than scalar by scalar through `unicodeScalars`.
    @inlinable
    public var scalarValues: [UInt32] {
        if let values = utf8.withContiguousStorageIfAvailable({ Self.scalarValues(ofUTF8: $0) }) { return values }
        return unicodeScalars.map(\.value)
    }

    /// The scalar values of valid UTF-8 `bytes`.
    @usableFromInline
    static func scalarValues(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        // Every byte but a continuation byte (10xxxxxx) starts a scalar. The continuation bytes are
        // counted eight at a time (a byte's bit 7 set and its bit 6, shifted onto bit 7, clear), not
        // one by one: this pass read every byte of every text decoded.
        var continuations = 0
        var offset = 0
        let highBits: UInt64 = 0x8080_8080_8080_8080
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset &+ 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                continuations &+= (word & ~(word << 1) & highBits).nonzeroBitCount
                offset &+= 8
            }
        }
        while offset < bytes.count {
            if bytes[offset] & 0xC0 == 0x80 { continuations &+= 1 }
            offset &+= 1
        }
        let count = bytes.count &- continuations
        return [UInt32](unsafeUninitializedCapacity: count) { values, initialized in
            var index = 0
            var written = 0
            let end = bytes.count
            while index < end && written < count {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    values[written] = lead
                    index &+= 1
                } else if lead < 0xE0 {
                    values[written] = (lead & 0x1F) << 6 | UInt32(bytes[index &+ 1] & 0x3F)
                    index &+= 2
                } else if lead < 0xF0 {
                    values[written] =
                        (lead & 0x0F) << 12 | UInt32(bytes[index &+ 1] & 0x3F) << 6 | UInt32(bytes[index &+ 2] & 0x3F)
                    index &+= 3
                } else {
                    values[written] =
                        (lead & 0x07) << 18 | UInt32(bytes[index &+ 1] & 0x3F) << 12
                        | UInt32(bytes[index &+ 2] & 0x3F) << 6 | UInt32(bytes[index &+ 3] & 0x3F)
                    index &+= 4
                }
                written &+= 1
            }
            initialized = written
        }
    }

    /// Builds a string from scalar values, skipping any that are not valid scalars.
    ///
    /// The UTF-8 is written straight into the new string's storage, sized exactly in a first pass.
    @inlinable
    public init<C: Collection>(scalarValues: C) where C.Element == UInt32 {
        var byteCount = 0
        for value in scalarValues { byteCount &+= Self.utf8Length(of: value) }
        guard byteCount > 0 else {
            self = ""
            return
        }
        self = String(unsafeUninitializedCapacity: byteCount) { bytes in
            var index = 0
            for value in scalarValues { index = String.write(value, to: bytes, at: index) }
            return index
        }
    }

    /// The scalars of `scalars` in each of `ranges`, each as `form` gives it, the ranges joined by
    /// single spaces, skipping any values that are not valid scalars: `words.joined(separator: " ")`
    /// for words given as ranges, with no string made for each word.
    public init(joining ranges: [Range<Int>], of scalars: [UInt32], form: (UInt32) -> UInt32 = { $0 }) {
        var byteCount = Swift.max(ranges.count - 1, 0)
        scalars.withUnsafeBufferPointer { scalars in
            for range in ranges {
                for position in range { byteCount &+= String.utf8Length(of: form(scalars[position])) }
            }
        }
        guard byteCount > 0 else {
            self = ""
            return
        }
        self = String(unsafeUninitializedCapacity: byteCount) { bytes in
            scalars.withUnsafeBufferPointer { scalars in
                var index = 0
                for (number, range) in ranges.enumerated() {
                    if number > 0 {
                        bytes[index] = 0x20
                        index &+= 1
                    }
                    for position in range { index = String.write(form(scalars[position]), to: bytes, at: index) }
                }
                return index
            }
        }
    }

    /// Writes the UTF-8 of scalar `value` into `bytes` at `index`, and returns the index after it
    /// (`index` itself when `value` is no scalar). Always inlined: called for each scalar of every
    /// string made from scalars, the call was a third of the writing.
    @inlinable @inline(__always)
    static func write(_ value: UInt32, to bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        switch Self.utf8Length(of: value) {
        case 1:
            bytes[index] = UInt8(truncatingIfNeeded: value)
            return index &+ 1
        case 2:
            bytes[index] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            bytes[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return index &+ 2
        case 3:
            bytes[index] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            bytes[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            bytes[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return index &+ 3
        case 4:
            bytes[index] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
            bytes[index &+ 1] = UInt8(truncatingIfNeeded: 0x80 | value >> 12 & 0x3F)
            bytes[index &+ 2] = UInt8(truncatingIfNeeded: 0x80 | value >> 6 & 0x3F)
            bytes[index &+ 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            return index &+ 4
        default:
            return index
        }
    }

    /// The UTF-8 length of scalar `value`, 0 when it is no scalar (a surrogate or past U+10FFFF).
    @inlinable
    static func utf8Length(of value: UInt32) -> Int {
        if value < 0x80 { return 1 }
        if value < 0x800 { return 2 }
        if value < 0x10000 { return value >= 0xD800 && value <= 0xDFFF ? 0 : 3 }
        return value <= 0x10FFFF ? 4 : 0
    }
}
