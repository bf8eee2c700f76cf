/// Finds numbers in Chinese text and resolves their values.
///
/// Reads Arabic digits (`1,234.5`, full-width `１２３`), Chinese numerals (`三十`, `两千`, `一百零五`,
/// `二〇二三`), financial forms (`壹佰贰拾`), mixtures (`6.43亿`, `3千万亿`), ranges (`1万-5万`,
/// `两到三万`, `八九亿`), percentages (`7.4%`, `百分之三十`) and approximations (`约`, `近`, `超过`,
/// `余`, `多`, `左右`, `数十`).
///
/// ```swift
/// let numeral = NumeralParser.numeral(in: "贷款6.43亿元", at: 2)
/// numeral?.value   // 643000000
/// numeral?.range   // 2..<7
/// ```
public enum NumeralParser {
    /// The numeral starting exactly at scalar `start` of `scalars`, or `nil`.
    public static func numeral(in scalars: [UInt32], at start: Int) -> Numeral? {
        guard start >= 0, start < scalars.count else { return nil }
        var index = start
        var isApproximate = false
        if NumeralCharacters.approximatePrefixStarts.contains(scalars[index]),
            let prefix = matchAny(NumeralCharacters.approximatePrefixes, in: scalars, at: index)
        {
            guard startsNumber(scalars, at: index + prefix) else { return nil }
            index += prefix
            isApproximate = true
        }
        var isPercent = false
        if matches(NumeralCharacters.wholePercent, in: scalars, at: index) {  // 百分之百
            return Numeral(range: start..<index + 4, value: 100, isApproximate: isApproximate, isPercent: true)
        }
        if matches(NumeralCharacters.percentPrefix, in: scalars, at: index),
            startsNumber(scalars, at: index + NumeralCharacters.percentPrefix.count)
        {
            index += NumeralCharacters.percentPrefix.count
            isPercent = true
        }
        guard let first = readOne(scalars, at: index) else { return nil }
        var result = first
        result.isApproximate = result.isApproximate || isApproximate
        result.isPercent = isPercent
        result.range = start..<first.range.upperBound
        if !isPercent, result.low == nil, let second = readRangeEnd(scalars, after: first) {
            result = second
            result.range = start..<second.range.upperBound
            result.isApproximate = result.isApproximate || isApproximate
        }
        var end = result.range.upperBound
        if !isPercent, end < scalars.count, NumeralCharacters.percentSigns.contains(scalars[end]) {
            result.isPercent = true
            end += 1
        }
        if end < scalars.count, NumeralCharacters.approximateSuffixStarts.contains(scalars[end]),
            let suffix = matchAny(NumeralCharacters.approximateSuffixes, in: scalars, at: end)
        {
            result.isApproximate = true
            end += suffix
        }
        result.range = start..<end
        return result
    }

    /// The numeral starting at scalar offset `offset` of `text`, or `nil`.
    public static func numeral(in text: String, at offset: Int) -> Numeral? {
        numeral(in: text.scalarValues, at: offset)
    }

    /// Every numeral in `scalars`, left to right, not overlapping.
    public static func numerals(in scalars: [UInt32]) -> [Numeral] {
        var found: [Numeral] = []
        var index = 0
        while index < scalars.count {
            if let numeral = numeral(in: scalars, at: index) {
                found.append(numeral)
                index = numeral.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// Every numeral in `text`, left to right, not overlapping.
    public static func numerals(in text: String) -> [Numeral] {
        numerals(in: text.scalarValues)
    }

    /// The value of `text` when the whole of it is one numeral (`"6.43亿"` → 643000000), else `nil`.
    public static func value(of text: String) -> Double? {
        let scalars = text.scalarValues
        guard let numeral = numeral(in: scalars, at: 0), numeral.range.upperBound == scalars.count else { return nil }
        return numeral.value
    }

    // MARK: - Pieces

    /// One number, with a vague digit (`数十`) or an adjacent-digit pair (`八九亿`) read as a range.
    static func readOne(_ scalars: [UInt32], at start: Int) -> Numeral? {
        guard start < scalars.count else { return nil }
        if let vague = NumeralCharacters.vagueDigits[scalars[start]], start + 1 < scalars.count,
            NumeralCharacters.smallUnits[scalars[start + 1]] != nil
                || NumeralCharacters.largeUnits[scalars[start + 1]] != nil,
            let low = NumberReader.read(scalars, at: start + 1, leadingDigit: Int(vague.low)),
            let high = NumberReader.read(scalars, at: start + 1, leadingDigit: Int(vague.high))
        {
            let isRange = vague.low != vague.high
            return Numeral(
                range: start..<low.end, value: low.value, low: isRange ? low.value : nil,
                high: isRange ? high.value : nil, isApproximate: true, multiplier: low.multiplier)
        }
        guard let low = NumberReader.read(scalars, at: start, pair: .low) else { return nil }
        var numeral = Numeral(
            range: start..<low.end, value: low.value, isApproximate: low.isApproximate, multiplier: low.multiplier)
        if low.hasPair, let high = NumberReader.read(scalars, at: start, pair: .high) {
            numeral.low = low.value
            numeral.high = high.value
        }
        return numeral
    }

    /// The range `first`–second when a connector and a second number follow `first`.
    static func readRangeEnd(_ scalars: [UInt32], after first: Numeral) -> Numeral? {
        var index = first.range.upperBound
        guard index < scalars.count, NumeralCharacters.rangeConnectors.contains(scalars[index]) else { return nil }
        index += 1
        if index < scalars.count, scalars[index] == 0x2014 { index += 1 }  // ——
        guard let second = readOne(scalars, at: index), second.low == nil else { return nil }
        var low = first.value
        // 两到三万, 1-5万: the multiplier written once holds for both ends; 十五至二十万, 一百到一百三十万:
        // its 万 or 亿 part does.
        if first.multiplier < second.multiplier, second.multiplier > 1 {
            if low * second.multiplier <= second.value {
                low *= second.multiplier
            } else if let large = largePart(of: second.multiplier), first.multiplier < large,
                low * large <= second.value
            {
                low *= large
            }
        }
        guard low <= second.value, low < second.value || first.multiplier == second.multiplier else { return nil }
        return Numeral(
            range: first.range.lowerBound..<second.range.upperBound, value: low, low: low, high: second.value,
            isApproximate: first.isApproximate || second.isApproximate, multiplier: second.multiplier)
    }

    /// The 万/亿 part of a multiplier (二十万 → 1e5 → 1e4), or `nil` when it has none.
    static func largePart(of multiplier: Double) -> Double? {
        for large in [1e12, 1e8, 1e4] where multiplier >= large {
            let rest = multiplier / large
            if [1.0, 10, 100, 1000].contains(rest) { return large }
        }
        return nil
    }

    static func startsNumber(_ scalars: [UInt32], at index: Int) -> Bool {
        guard index < scalars.count else { return false }
        let value = scalars[index]
        return ScalarClass.isDigit(value) || NumeralCharacters.digits[value] != nil
            || NumeralCharacters.tens[value] != nil || value == 0x5341  // 十
            || (NumeralCharacters.vagueDigits[value] != nil && index + 1 < scalars.count
                && NumeralCharacters.smallUnits[scalars[index + 1]] != nil)
    }

    static func matches(_ word: [UInt32], in scalars: [UInt32], at index: Int) -> Bool {
        guard index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }

    static func matchAny(_ words: [[UInt32]], in scalars: [UInt32], at index: Int) -> Int? {
        for word in words where matches(word, in: scalars, at: index) { return word.count }
        return nil
    }
}
