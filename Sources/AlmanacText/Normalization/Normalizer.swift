/// Normalises the text a page yields: character widths, punctuation variants and stray white space.
///
/// ```swift
/// let normalized = Normalizer().normalize("岚江 市ＧＤＰ增长７．４％")
/// normalized.text                         // "岚江市GDP增长7.4%"
/// normalized.originalRange(of: 5..<9)     // 7..<11, the "增长７．" as read
/// ```
public struct Normalizer: Sendable {
    /// How characters that exist in both widths are written.
    public enum Width: Sendable {
        /// Leave them as read.
        case keep
        /// Write the ASCII (half-width) form.
        case half
        /// Write the full-width form.
        case full
        /// Punctuation only: ASCII inside numbers (`７．４％` → `7.4%`), full-width next to Chinese
        /// characters (`增长,高于` → `增长，高于`), else as read.
        case contextual
    }

    /// Width of digits and Latin letters; half by default.
    public var alphanumerics: Width
    /// Width of punctuation; contextual by default.
    public var punctuation: Width
    /// Whether presentation variants (`「」`, `﹐`, `・`, `―`…) become their common forms.
    public var unifiesPunctuationVariants: Bool
    /// Whether white space between Chinese characters, Chinese punctuation and digits is removed
    /// (other runs of spaces and tabs become one space; line breaks stay).
    public var removesSpacesInChineseText: Bool

    /// Creates a normaliser; the defaults suit text that is then scanned for words and numbers.
    public init(
        alphanumerics: Width = .half, punctuation: Width = .contextual, unifiesPunctuationVariants: Bool = true,
        removesSpacesInChineseText: Bool = true
    ) {
        self.alphanumerics = alphanumerics
        self.punctuation = punctuation
        self.unifiesPunctuationVariants = unifiesPunctuationVariants
        self.removesSpacesInChineseText = removesSpacesInChineseText
    }

    /// Normalises `text`, keeping a map back to its scalar offsets.
    public func normalize(_ text: String) -> NormalizedText {
        let input = text.scalarValues
        var output: [UInt32] = []
        var origins: [Int] = []
        output.reserveCapacity(input.count)
        origins.reserveCapacity(input.count + 1)
        var index = 0
        while index < input.count {
            let value = input[index]
            if Self.isInlineSpace(value) {
                var end = index
                while end < input.count && Self.isInlineSpace(input[end]) { end += 1 }
                if keepsSpace(between: output.last, and: end < input.count ? input[end] : nil) {
                    output.append(0x20)
                    origins.append(index)
                }
                index = end
                continue
            }
            if value == 0x200B || value == 0xFEFF || value == 0x00AD {
                index += 1
                continue
            }
            if (value == 0x0A || value == 0x0D), output.last == 0x20 {
                output.removeLast()
                origins.removeLast()
            }
            output.append(convert(value, after: output.last, before: index + 1 < input.count ? input[index + 1] : nil))
            origins.append(index)
            index += 1
        }
        origins.append(input.count)
        return NormalizedText(scalars: output, originalOffsets: origins)
    }

    // MARK: - Characters

    private func convert(_ value: UInt32, after previous: UInt32?, before next: UInt32?) -> UInt32 {
        var v = value
        if unifiesPunctuationVariants, let common = Self.variants[v] { v = common }
        let folded = ScalarClass.foldWidth(v)
        let isAlphanumeric = ScalarClass.isDigit(folded) || ScalarClass.isLatin(folded)
        let width = isAlphanumeric ? alphanumerics : punctuation
        switch width {
        case .keep: return v
        case .half: return folded
        case .contextual:
            let afterDigit = previous.map(ScalarClass.isDigit) ?? false
            let beforeDigit = next.map(ScalarClass.isDigit) ?? false
            if folded == 0x25 && afterDigit { return folded }  // %
            if (folded == 0x2E || folded == 0x2C || folded == 0x3A) && afterDigit && beforeDigit { return folded }
            if v < 0x80, Self.chinesePunctuation.contains(v),
                (previous.map(ScalarClass.isHan) ?? false) || (next.map(ScalarClass.isHan) ?? false)
            {
                return v + 0xFEE0
            }
            return v
        case .full:
            if folded >= 0x21 && folded <= 0x7E { return folded + 0xFEE0 }
            return v
        }
    }

    private func keepsSpace(between before: UInt32?, and after: UInt32?) -> Bool {
        guard let before, let after, before != 0x0A, after != 0x0A, after != 0x0D else { return false }
        guard removesSpacesInChineseText else { return true }
        if Self.isChinesePunctuation(before) || Self.isChinesePunctuation(after) { return false }
        let left = Self.isChineseContext(before)
        let right = Self.isChineseContext(after)
        if left && right { return ScalarClass.isDigit(before) && ScalarClass.isDigit(after) }
        return true
    }

    static func isInlineSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x3000 || value == 0xA0 || value == 0x0B || value == 0x0C
            || (value >= 0x2000 && value <= 0x200A)
    }

    /// Han characters and digits: characters between which a space is noise.
    static func isChineseContext(_ value: UInt32) -> Bool {
        ScalarClass.isHan(value) || ScalarClass.isDigit(value)
    }

    /// CJK and full-width punctuation, beside which a space is noise.
    static func isChinesePunctuation(_ value: UInt32) -> Bool {
        (value >= 0x3001 && value <= 0x303F) || (value >= 0xFF01 && value <= 0xFF0F && value != 0xFF05)
            || (value >= 0xFF1A && value <= 0xFF20) || (value >= 0x2014 && value <= 0x201D) || value == 0x2026
    }

    /// ASCII punctuation written full-width in Chinese text: `, ; : ? ! ( )`.
    static let chinesePunctuation: Set<UInt32> = [0x2C, 0x3B, 0x3A, 0x3F, 0x21, 0x28, 0x29]

    /// Presentation variants and their common forms.
    static let variants: [UInt32: UInt32] = [
        0x300C: 0x201C, 0x300D: 0x201D, 0x300E: 0x2018, 0x300F: 0x2019,  // 「」『』 → “”‘’
        0xFE50: 0xFF0C, 0xFE51: 0x3001, 0xFE52: 0xFF0E, 0xFE54: 0xFF1B, 0xFE55: 0xFF1A,  // small forms
        0xFE56: 0xFF1F, 0xFE57: 0xFF01, 0xFE59: 0xFF08, 0xFE5A: 0xFF09,
        0xFF61: 0x3002, 0xFF64: 0x3001,  // half-width 。、
        0x2015: 0x2014, 0x2500: 0x2014,  // ― ─ → —
        0x2236: 0xFF1A,  // ∶ → ：
        0x2022: 0x00B7, 0x2027: 0x00B7, 0x30FB: 0x00B7, 0x2219: 0x00B7,  // • ‧ ・ ∙ → ·
        0x301C: 0xFF5E,  // 〜 → ～
        0x2032: 0x0027, 0x2033: 0x0022,
    ]
}
