import Foundation

/// Numbers written the way a Chinese page writes them: `12.5亿元`, `3.2万人`, `7.4%`.
enum Figure {
    /// `value` with `unit`, large amounts in 万 or 亿, at most `digits` decimals, no trailing zeros.
    static func format(_ value: Double, unit: String, digits: Int = 2) -> String {
        let magnitude = abs(value)
        if unit != "%" && unit != "个百分点" {
            if magnitude >= 1e8 { return number(value / 1e8, digits: digits) + "亿" + unit }
            if magnitude >= 1e4 { return number(value / 1e4, digits: digits) + "万" + unit }
        }
        return number(value, digits: digits) + unit
    }

    /// `value` with at most `digits` decimals and no trailing zeros (`7.40` → `7.4`, `12.00` → `12`).
    static func number(_ value: Double, digits: Int = 2) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
