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
    @inlinable
    public var scalarValues: [UInt32] { unicodeScalars.map(\.value) }

    /// Builds a string from scalar values, skipping any that are not valid scalars.
    @inlinable
    public init<C: Collection>(scalarValues: C) where C.Element == UInt32 {
        var view = String.UnicodeScalarView()
        view.reserveCapacity(scalarValues.count)
        for value in scalarValues {
            if let scalar = Unicode.Scalar(value) { view.append(scalar) }
        }
        self = String(view)
    }
}
