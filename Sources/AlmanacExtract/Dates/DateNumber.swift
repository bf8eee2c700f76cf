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
        // 二〇二三: digit by digit, when a 〇 or four digits say it is a year.
        var digits: [Int] = []
        while end < scalars.count, let digit = Self.digits[scalars[end]] {
            digits.append(digit)
            end += 1
        }
        if digits.count >= 2, digits.count == 4 || scalars[index..<end].contains(where: { $0 == 0x3007 || $0 == 0x96F6 }) {
            return (digits.reduce(0) { $0 * 10 + $1 }, end)
        }
        // 十二, 三十一, 二十, 十
        end = index
        var tens = 0
        var units = 0
        if end < scalars.count, let digit = Self.digits[scalars[end]], digit > 0 {
            units = digit
            end += 1
        }
        if end < scalars.count, scalars[end] == Self.ten {
            tens = max(units, 1)
            units = 0
            end += 1
            if end < scalars.count, let digit = Self.digits[scalars[end]], digit > 0 {
                units = digit
                end += 1
            }
        }
        guard end > index else { return nil }
        return (tens * 10 + units, end)
    }

    static let ten: UInt32 = 0x5341  // 十
    static let digits: [UInt32: Int] = [
        0x3007: 0, 0x96F6: 0, 0x25CB: 0,  // 〇 零 ○
        0x4E00: 1, 0x4E8C: 2, 0x4E24: 2, 0x4E09: 3, 0x56DB: 4, 0x4E94: 5, 0x516D: 6, 0x4E03: 7, 0x516B: 8, 0x4E5D: 9,
    ]
}
