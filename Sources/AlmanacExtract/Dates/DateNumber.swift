import AlmanacText

/// Reads the small numbers dates are written with: digits (`2023`, `８`), Chinese numerals up to
/// ninety-nine (`十二`, `三十一`, `两`) and years spelt digit by digit (`二〇二三`).
enum DateNumber {
    /// The number at `index` of `scalars` and where it ends, or `nil`.
    static func read(_ scalars: [UInt32], at index: Int) -> (value: Int, end: Int)? {
        var end = index
        var value = 0
        while end < scalars.count, ScalarClass.isDigit(scalars[end]) {
            let folded = ScalarClass.foldWidth(scalars[end])
            value = value * 10 + Int(folded - 0x30)
            end += 1
        }
        if end > index { return (value, end) }
        // 二〇二三: digit by digit, when a 〇 or four digits say it is a year (their count and value
        // kept as they are read, not in an array made for each number).
        var count = 0
        while end < scalars.count, let digit = Self.digit(scalars[end]) {
            value = value * 10 + digit
            count += 1
            end += 1
        }
        if count >= 2, count == 4 || scalars[index..<end].contains(where: { $0 == 0x3007 || $0 == 0x96F6 }) {
            return (value, end)
        }
        // 十二, 三十一, 二十, 十
        end = index
        var tens = 0
        var units = 0
        if end < scalars.count, let digit = Self.digit(scalars[end]), digit > 0 {
            units = digit
            end += 1
        }
        if end < scalars.count, scalars[end] == Self.ten {
            tens = max(units, 1)
            units = 0
            end += 1
            if end < scalars.count, let digit = Self.digit(scalars[end]), digit > 0 {
                units = digit
                end += 1
            }
        }
        guard end > index else { return nil }
        return (tens * 10 + units, end)
    }

    static let ten: UInt32 = 0x5341  // 十
    /// The value of a Chinese digit (〇 零 ○ 一 二 两 … 九), or `nil`: a switch, not a hashed lookup
    /// (each fact's period is read with it).
    static func digit(_ value: UInt32) -> Int? {
        switch value {
        case 0x3007, 0x96F6, 0x25CB: 0  // 〇 零 ○
        case 0x4E00: 1
        case 0x4E8C, 0x4E24: 2  // 二 两
        case 0x4E09: 3
        case 0x56DB: 4
        case 0x4E94: 5
        case 0x516D: 6
        case 0x4E03: 7
        case 0x516B: 8
        case 0x4E5D: 9
        default: nil
        }
    }
}
