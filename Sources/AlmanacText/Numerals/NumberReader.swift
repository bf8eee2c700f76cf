/// Reads one number (no range, no approximation words around it) from scalars.
///
/// Chinese numerals are evaluated section by section: 十/百/千 multiply the pending digit into the
/// current section, 万 multiplies the section, 亿 everything so far. Arabic digits may stand where a
/// digit would (`6.43亿`, `3千万亿`, `1亿2000万`). Two adjacent ascending digits (`八九亿`, `三四十`)
/// read as a range: `pairChoice` picks which digit of the pair is used.
struct NumberReader {
    enum PairChoice { case low, high }

    struct Result {
        var end: Int
        var value: Double
        var multiplier: Double
        var hasPair: Bool
        var isApproximate: Bool
    }

    /// The scalars read: the caller's array or window, lent for the one read.
    let scalars: UnsafeBufferPointer<UInt32>

    // MARK: - State

    private var total = 0.0
    private var section = 0.0
    private var mantissa = 0.0
    private var divisor = 1.0
    private var hasCurrent = false
    /// The Chinese digits written in a row so far (一九九八): how many, the first two, and their value
    /// read as one decimal number — kept in place, not in an array made for each number read.
    private var sequenceCount = 0
    private var sequenceFirst = 0
    private var sequenceSecond = 0
    private var sequenceValue = 0
    private var lastUnit = 1.0
    private var lastWasUnit = false
    private var sawZeroAfterUnit = false
    private var multiplier = 1.0
    private var hasPair = false
    private var isApproximate = false
    private var sawDigit = false

    init(scalars: UnsafeBufferPointer<UInt32>) {
        self.scalars = scalars
    }

    /// Reads a number starting at `start`, or returns `nil` when none starts there.
    ///
    /// `leadingDigit` stands for a vague digit written before `start` (数 in `数十万`).
    static func read(_ scalars: [UInt32], at start: Int, pair: PairChoice = .low, leadingDigit: Int? = nil)
        -> Result?
    {
        scalars.withUnsafeBufferPointer { read($0, at: start, pair: pair, leadingDigit: leadingDigit) }
    }

    /// ``read(_:at:pair:leadingDigit:)`` of scalars in a buffer (a window of a longer text, not copied).
    static func read(
        _ scalars: UnsafeBufferPointer<UInt32>, at start: Int, pair: PairChoice = .low, leadingDigit: Int? = nil
    ) -> Result? {
        var reader = NumberReader(scalars: scalars)
        if let leadingDigit {
            reader.appendToSequence(leadingDigit)
            reader.sawDigit = true
        }
        return reader.run(from: start, pair: pair, allowLeadingTen: leadingDigit == nil)
    }

    /// Adds a Chinese digit to the ones written in a row.
    private mutating func appendToSequence(_ digit: Int) {
        if sequenceCount == 0 { sequenceFirst = digit } else if sequenceCount == 1 { sequenceSecond = digit }
        // The same arithmetic as folding the digits at the end (`value * 10 + digit`, checked).
        sequenceValue = sequenceValue * 10 + digit
        sequenceCount += 1
    }

    private mutating func run(from start: Int, pair: PairChoice, allowLeadingTen: Bool) -> Result? {
        var index = start
        var end = start
        while index < scalars.count {
            let value = scalars[index]
            if ScalarClass.isDigit(value) {
                guard !hasCurrent, sequenceCount == 0, let next = readArabic(at: index) else { break }
                index = next
            } else if !NumeralCharacters.mayContinue(value) {
                break
            } else if let digit = NumeralCharacters.digits[value] {
                if NumeralCharacters.zeroPlaceholders.contains(value) && lastWasUnit {
                    sawZeroAfterUnit = true
                    lastWasUnit = false
                    index += 1
                    end = index
                    continue
                }
                guard !hasCurrent else { break }
                appendToSequence(digit)
                multiplier = 1
                sawDigit = true
                lastWasUnit = false
                index += 1
            } else if let tens = NumeralCharacters.tens[value] {
                guard !hasCurrent, sequenceCount == 0 else { break }
                section += tens
                sawDigit = true
                multiplier = 10
                lastUnit = 10
                lastWasUnit = true
                index += 1
            } else if let unit = NumeralCharacters.smallUnits[value] {
                if !sawDigit && !(unit == 10 && allowLeadingTen && index == start) && !hasCurrent && sequenceCount == 0
                {
                    break
                }
                guard let pending = takePending(pair: pair, defaultsToOne: unit == 10) else { break }
                section += pending.0 * unit / pending.1
                multiplier = lastWasUnit ? multiplier * unit : unit
                lastUnit = unit
                lastWasUnit = true
                sawDigit = true
                index += 1
            } else if let unit = NumeralCharacters.largeUnits[value] {
                guard sawDigit else { break }
                let pending = takePending(pair: pair, defaultsToOne: false) ?? (0, 1, false)
                if unit == 1e8 {
                    total = (total + section) * unit + pending.0 * unit / pending.1
                    section = 0
                } else {
                    section = section * unit + pending.0 * unit / pending.1
                }
                multiplier = lastWasUnit ? multiplier * unit : unit
                lastUnit = unit
                lastWasUnit = true
                index += 1
            } else if value == NumeralCharacters.chineseDecimalPoint, sequenceCount > 0 || (hasCurrent && divisor == 1),
                index + 1 < scalars.count, NumeralCharacters.digits[scalars[index + 1]] != nil
            {
                guard let next = readChineseDecimals(at: index + 1, pair: pair) else { break }
                index = next
            } else if NumeralCharacters.innerApproximations.contains(value), sawDigit,
                lastWasUnit || (hasCurrent && sequenceCount == 0) || (value == 0x591A && sequenceCount > 0)
            {
                if value == 0x6765 && !lastWasUnit && !hasCurrent { break }  // 来 only after 十/百… or digits
                isApproximate = true
                index += 1
            } else {
                break
            }
            end = index
        }
        guard sawDigit, end > start else { return nil }
        let pending = takePending(pair: pair, defaultsToOne: false) ?? (0, 1, false)
        var tail = pending.0 / pending.1
        if pending.1 == 1, pending.2, lastUnit >= 100, !sawZeroAfterUnit, tail < 10, tail > 0 {
            tail *= lastUnit / 10  // 一万二 = 12000, 三千五 = 3500
        }
        let value = total + section + tail
        return Result(end: end, value: value, multiplier: multiplier, hasPair: hasPair, isApproximate: isApproximate)
    }

    // MARK: - Pieces

    /// The pending digit value as (mantissa, divisor, was a single Chinese digit), then clears it.
    private mutating func takePending(pair: PairChoice, defaultsToOne: Bool) -> (Double, Double, Bool)? {
        defer {
            mantissa = 0
            divisor = 1
            hasCurrent = false
            sequenceCount = 0
            sequenceFirst = 0
            sequenceSecond = 0
            sequenceValue = 0
        }
        if hasCurrent { return (mantissa, divisor, false) }
        switch sequenceCount {
        case 0: return defaultsToOne ? (1, 1, false) : nil
        case 1: return (Double(sequenceFirst), 1, true)
        // 八九亿, 四五千; and the colloquial 三五 (三五百: three to five hundred).
        case 2
        where (sequenceSecond == sequenceFirst + 1 && sequenceFirst > 0) || (sequenceFirst == 3 && sequenceSecond == 5):
            hasPair = true
            isApproximate = true
            return (Double(pair == .low ? sequenceFirst : sequenceSecond), 1, false)
        default:
            return (Double(sequenceValue), 1, false)
        }
    }

    /// Whether the scalar at `index` separates groups of three digits: `,` always; a full-width `，`
    /// (which also breaks clauses) only when its group ends in a decimal point, another separator or a
    /// unit (`56，318.20元`), never before punctuation or the end (`增长12，345`… reads as two clauses).
    private func isGroupSeparator(at index: Int) -> Bool {
        let value = scalars[index]
        if value == NumeralCharacters.groupSeparator { return true }
        guard value == 0xFF0C, index + 4 < scalars.count else { return false }
        let after = scalars[index + 4]
        return NumeralCharacters.decimalPoints.contains(after) || after == 0x2C || after == 0xFF0C
            || ScalarClass.isHan(after)
    }

    /// Reads Arabic digits with `,` grouping and a decimal part; returns the index after them.
    private mutating func readArabic(at start: Int) -> Int? {
        var index = start
        var digits = 0.0
        var count = 0
        while index < scalars.count, let digit = ScalarClass.digitValue(scalars[index]) {
            digits = digits * 10 + Double(digit)
            count += 1
            index += 1
        }
        guard count > 0 else { return nil }
        if count <= 3 {
            // "1,234,567": only exact groups of three after the first one to three digits.
            while index + 3 < scalars.count, isGroupSeparator(at: index),
                let a = ScalarClass.digitValue(scalars[index + 1]), let b = ScalarClass.digitValue(scalars[index + 2]),
                let c = ScalarClass.digitValue(scalars[index + 3]),
                index + 4 == scalars.count || !ScalarClass.isDigit(scalars[index + 4])
            {
                digits = digits * 1000 + Double(a * 100 + b * 10 + c)
                index += 4
            }
        }
        var divisor = 1.0
        if index + 1 < scalars.count, NumeralCharacters.decimalPoints.contains(scalars[index]),
            ScalarClass.isDigit(scalars[index + 1])
        {
            index += 1
            while index < scalars.count, let digit = ScalarClass.digitValue(scalars[index]) {
                digits = digits * 10 + Double(digit)
                divisor *= 10
                index += 1
            }
        }
        mantissa = digits
        self.divisor = divisor
        hasCurrent = true
        sawDigit = true
        lastWasUnit = false
        multiplier = 1
        return index
    }

    /// Reads the digits after 点 into the pending value; returns whether any were read.
    private mutating func readChineseDecimals(at start: Int, pair: PairChoice) -> Int? {
        guard let integer = takePending(pair: pair, defaultsToOne: false) else { return nil }
        var digits = integer.0
        var divisor = 1.0
        var index = start
        while index < scalars.count, let digit = NumeralCharacters.digits[scalars[index]] {
            digits = digits * 10 + Double(digit)
            divisor *= 10
            index += 1
        }
        mantissa = digits
        self.divisor = divisor
        hasCurrent = true
        lastWasUnit = false
        multiplier = 1
        return divisor > 1 ? index : nil
    }

    private func pow1000(_ count: Int) -> Double {
        var result = 1.0
        for _ in 0..<count { result *= 1000 }
        return result
    }
}
