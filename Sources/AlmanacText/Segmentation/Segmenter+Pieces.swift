/// Cutting a line into pieces before the lexicon graph sees it: numbers, Latin runs, punctuation and
/// runs of Chinese characters.
///
/// Numbers follow the convention of the SIGHAN corpora: a number keeps its decimals, grouping, its
/// multipliers (`6.43亿`, `3千万`), a percent sign and an approximation marker inside it (`10余万`)
/// together, and a date or time unit when the number can be one (`1998年`, `12月`, `31日`, `10时`);
/// the measure word or currency after it is a word of its own (`6.43亿 元`).
extension Segmenter {
    /// Appends the words of a width-folded line, and writes to `wordStarts` (when given, one element a
    /// scalar) the lexicon words the cut found starting at each scalar of its runs of Chinese characters.
    func appendWords(
        of scalars: UnsafeBufferPointer<UInt32>, to ranges: inout [Range<Int>], scratch: inout Scratch,
        wordStarts: UnsafeMutablePointer<LexiconWordStarts>? = nil
    ) {
        let count = scalars.count
        var index = 0
        var hanStart = -1
        let numberStarts = NumeralCharacters.startTable
        while index < count {
            let value = scalars[index]
            if ScalarClass.isHan(value) {
                if value < 0x10000, numberStarts[Int(value)] & 1 != 0, index + 1 < count,
                    scalars[index + 1] < 0x10000 && numberStarts[Int(scalars[index + 1])] & 2 != 0
                        || ScalarClass.isDigit(scalars[index + 1]),
                    let end = Self.numberEnd(scalars, at: index, runStart: hanStart, lexicon: lexicon)
                {
                    if hanStart >= 0 {
                        appendHanRun(scalars, hanStart..<index, to: &ranges, scratch: &scratch, wordStarts: wordStarts)
                    }
                    hanStart = -1
                    ranges.append(index..<end)
                    index = end
                    continue
                }
                if hanStart < 0 { hanStart = index }
                index += 1
                continue
            }
            if hanStart >= 0 {
                appendHanRun(scalars, hanStart..<index, to: &ranges, scratch: &scratch, wordStarts: wordStarts)
                hanStart = -1
            }
            if ScalarClass.isSpace(value) {
                index += 1
            } else if ScalarClass.isDigit(value) || ScalarClass.isLatin(value) {
                let end = Self.alphanumericEnd(scalars, at: index)
                ranges.append(index..<end)
                index = end
            } else {
                var end = index + 1
                if Self.isRepeatedSymbol(value) {
                    while end < count && scalars[end] == value { end += 1 }
                }
                ranges.append(index..<end)
                index = end
            }
        }
        if hanStart >= 0 {
            appendHanRun(scalars, hanStart..<count, to: &ranges, scratch: &scratch, wordStarts: wordStarts)
        }
    }

    /// Whether runs of this symbol are one word (`……`, `——`, `--`, `··`, `...`, `。。`).
    @inline(__always)
    static func isRepeatedSymbol(_ value: UInt32) -> Bool {
        value == 0x2026 || value == 0x2014 || value == 0x2D || value == 0xB7 || value == 0x2E || value == 0x3002
    }

    // MARK: - Latin and Arabic

    /// The end of a run of Latin letters and digits starting at `start`; an Arabic number keeps its
    /// multipliers, percent sign and date unit.
    static func alphanumericEnd(_ scalars: UnsafeBufferPointer<UInt32>, at start: Int) -> Int {
        var end = start
        var hasLetter = false
        while end < scalars.count {
            let value = scalars[end]
            if ScalarClass.isLatin(value) {
                hasLetter = true
                end += 1
            } else if ScalarClass.isDigit(value) {
                end += 1
            } else if Self.isInnerConnector(value), end + 1 < scalars.count,
                ScalarClass.isDigit(scalars[end + 1]) || (hasLetter && ScalarClass.isLatin(scalars[end + 1]))
            {
                end += 1
            } else if (value == 0x2B || value == 0x23), hasLetter {  // C++, C#
                end += 1
            } else {
                break
            }
        }
        if hasLetter { return end }
        return numberEnd(scalars, digitsAt: start, digitsEnd: end)
    }

    /// `.` `,` `:` inside numbers, `-` `_` `&` `'` `/` inside Latin words.
    @inline(__always)
    static func isInnerConnector(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E, 0x2C, 0x2D, 0x5F, 0x26, 0x27, 0x2F, 0x3A: return true
        default: return false
        }
    }

    /// The end of an Arabic number starting at `start` whose digits and separators end at `digitsEnd`.
    static func numberEnd(_ scalars: UnsafeBufferPointer<UInt32>, digitsAt start: Int, digitsEnd: Int) -> Int {
        // The window is read where it stands (a copy of it was made for each number).
        let array = UnsafeBufferPointer(rebasing: scalars[start..<min(scalars.count, digitsEnd + 16)])
        guard let read = NumberReader.read(array, at: 0) else { return digitsEnd }
        var end = start + max(read.end, 0)
        if end < digitsEnd { return digitsEnd }  // "1:2:3", "2023-08-30" and the like stay one run
        if end < scalars.count, NumeralCharacters.percentSigns.contains(scalars[end]) || scalars[end] == 0x2030 {
            return end + 1
        }
        let isInteger = !array[0..<read.end].contains(where: { $0 == 0x2E })
        if isInteger, read.multiplier == 1, !read.isApproximate {
            end = dateUnitEnd(scalars, at: end, value: read.value, digits: read.end, isSequence: true)
        }
        return end
    }

    // MARK: - Chinese numerals

    /// The end of a number written in Chinese starting at `start` (`三十五万`, `一九九八年`, `第三`,
    /// `百分之三十`), when it is at least two characters long; else `nil`.
    ///
    /// A numeral character that closes a lexicon word with the character before it (`唯一`, `统一`)
    /// does not start a number.
    static func numberEnd(
        _ scalars: UnsafeBufferPointer<UInt32>, at start: Int, runStart: Int, lexicon: Lexicon
    ) -> Int? {
        let value = scalars[start]
        let isOrdinal = value == 0x7B2C  // 第
        let isPercent =
            value == 0x767E && start + 2 < scalars.count && scalars[start + 1] == 0x5206
            && scalars[start + 2] == 0x4E4B  // 百分之
        guard isOrdinal || isPercent || NumeralCharacters.digits[value] != nil || value == 0x5341 else { return nil }
        if runStart >= 0, start > runStart, !isOrdinal && !isPercent {
            let previous = scalars[start - 1]
            let node = lexicon.child(of: lexicon.child(of: 0, label: previous), label: value)
            if node.isWord(in: lexicon), NumeralCharacters.digits[previous] == nil { return nil }
        }
        let numberStart = start + (isOrdinal ? 1 : isPercent ? 3 : 0)
        guard numberStart < scalars.count else { return nil }
        if isOrdinal || isPercent, ScalarClass.isDigit(scalars[numberStart]) {
            let digitsEnd = alphanumericEnd(scalars, at: numberStart)
            return digitsEnd
        }
        let window = UnsafeBufferPointer(rebasing: scalars[numberStart..<min(scalars.count, numberStart + 24)])
        guard let read = NumberReader.read(window, at: 0) else { return nil }
        var length = read.end
        if let point = window[0..<length].firstIndex(of: NumeralCharacters.chineseDecimalPoint), !isPercent {
            length = point  // 一点一滴 is no number
        }
        var end = numberStart + length
        guard end - start >= 2 || (isOrdinal && end > numberStart) else { return nil }
        if !isOrdinal && !isPercent, read.multiplier == 1 || read.multiplier == 10, length == read.end {
            let isSequence = !window[0..<length].contains(where: { NumeralCharacters.smallUnits[$0] != nil })
            end = dateUnitEnd(scalars, at: end, value: read.value, digits: length, isSequence: isSequence)
        }
        return end
    }

    /// Extends a number over a date or time unit it can take: 年 after a year (two or more digits written
    /// as a sequence), 月 after 1–12, 日/号 after 1–31, 时 after 0–24, 分/秒 after 0–59.
    static func dateUnitEnd(
        _ scalars: UnsafeBufferPointer<UInt32>, at end: Int, value: Double, digits: Int, isSequence: Bool
    ) -> Int {
        guard end < scalars.count else { return end }
        switch scalars[end] {
        case 0x5E74 where isSequence && digits >= 2: return end + 1  // 年
        case 0x6708 where value >= 1 && value <= 12: return end + 1  // 月
        case 0x65E5 where value >= 1 && value <= 31: return end + 1  // 日
        case 0x53F7 where value >= 1 && value <= 31: return end + 1  // 号
        case 0x65F6 where value <= 24: return end + 1  // 时
        case 0x5206 where value <= 59: return end + 1  // 分
        case 0x79D2 where value <= 59: return end + 1  // 秒
        default: return end
        }
    }
}
