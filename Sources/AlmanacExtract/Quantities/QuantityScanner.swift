import AlmanacModel
import AlmanacText

/// Finds every figure a newspaper prints in a passage: numbers with their multiplier, unit or
/// measure word, approximation marker and range.
///
/// Dates and years (`2022年`, `8月30日`), clock times, ordinals (`第三`), period phrases
/// (`前7个月`) and names with digits (`5G`) are not figures: a number counts only with a unit, a
/// measure word, a percent sign or a multiplier of 万 and more.
///
/// ```swift
/// QuantityScanner().quantities(in: "岚江市担保贷款6.43亿元".scalarValues).first?.value  // 643000000
/// ```
public struct QuantityScanner: Sendable {
    let unitTable = UnitTable.standard

    /// Creates a scanner.
    public init() {}

    /// The figures of `text`, left to right, offsets in scalars of `text`.
    public func quantities(in text: String) -> [Quantity] {
        quantities(in: text.scalarValues)
    }

    /// The figures of `scalars`, left to right, not overlapping.
    public func quantities(in scalars: [UInt32]) -> [Quantity] {
        var found: [Quantity] = []
        var index = 0
        scan(scalars, from: &index, before: scalars.count, into: &found)
        return found
    }

    /// Scans `scalars` on from `index` while it is below `limit` and appends the figures read there,
    /// leaving `index` where the scan stopped: scanning on from there finds the figures a whole scan
    /// finds after them. A figure is read where its number stands and starts there or at most
    /// ``longestLead`` scalars before it (a currency name, a minus sign).
    func scan(_ scalars: [UInt32], from index: inout Int, before limit: Int, into found: inout [Quantity]) {
        let count = min(limit, scalars.count)
        // Read once, not at each scalar (a global's every read is a once-check).
        let startTable = Self.startTable
        while index < count {
            let value = scalars[index]
            guard value < 0x10000, startTable[Int(value)] else {
                index += 1
                continue
            }
            if let numeral = numeral(in: scalars, at: index) {
                if var quantity = quantity(from: numeral, in: scalars) {
                    if let range = rangeWithUnitTwice(from: quantity, in: scalars) { quantity = range }
                    // Sized at the first figure for a few more (grown one by one, it was an allocation
                    // at each doubling); a text without figures allocates nothing.
                    if found.capacity == 0 { found.reserveCapacity(8) }
                    found.append(quantity)
                    index = max(quantity.end, index + 1)
                } else {
                    index = max(numeral.range.upperBound, index + 1)
                }
            } else {
                index += 1
            }
        }
    }

    /// How far before its number a figure may start: the longest currency name and the two spaces
    /// `currencyBefore` passes over.
    static let longestLead = (currencyNames.map(\.0.count).max() ?? 0) + 2

    // MARK: - Numbers

    /// The numeral at `index`, with approximation prefixes and a bare 百/千 (`近百户`, `百余名`) read too.
    private func numeral(in scalars: [UInt32], at index: Int) -> Numeral? {
        if index > 0 {
            let previous = ScalarClass.foldWidth(scalars[index - 1])
            if ScalarClass.isLatin(previous) || ScalarClass.isDigit(previous) || previous == 0x2E { return nil }
        }
        // 签约, 合约, 节约: 约 ends a word there and marks no approximation.
        if scalars[index] == Self.yue, index > 0, Self.yueWordStarts.contains(scalars[index - 1]) { return nil }
        if let numeral = NumeralParser.numeral(in: scalars, at: index) { return numeral }
        var start = index
        var isApproximate = false
        // Most scalars here (一 of 统一, 上 of 以上) open no prefix: one lookup tells them.
        if Self.prefixStarts.contains(scalars[index]) {
            for prefix in Self.prefixes where Self.matches(prefix, in: scalars, at: index) {
                start = index + prefix.count
                isApproximate = true
                break
            }
        }
        guard start < scalars.count, Self.bareUnits.contains(scalars[start]) else { return nil }
        if start > 0, Self.chineseNumeralScalars.contains(scalars[start - 1]) { return nil }
        // Without a prefix, only 百余 / 千多 read as a figure (千家万户 is a phrase).
        if !isApproximate, start + 1 >= scalars.count || !Self.innerMarkers.contains(scalars[start + 1]) { return nil }
        // 百余名 reads as 一百余名: put the missing 一 in front and parse a short window.
        let window = [0x4E00] + Array(scalars[start..<min(scalars.count, start + 8)])
        guard var numeral = NumeralParser.numeral(in: window, at: 0), numeral.range.upperBound > 1 else { return nil }
        numeral.range = index..<(start + numeral.range.upperBound - 1)
        numeral.isApproximate = numeral.isApproximate || isApproximate
        return numeral
    }

    /// The figure `numeral` makes with what follows it, or `nil` when it is not a figure.
    private func quantity(from numeral: Numeral, in scalars: [UInt32]) -> Quantity? {
        var numeral = numeral
        let start = numeral.range.lowerBound
        var end = numeral.range.upperBound
        let isChinese = !scalars[numeral.range].contains { ScalarClass.isDigit($0) }
        if isOrdinal(scalars, at: start) { return nil }
        // 86.3 亿元, 三个亿: a multiplier set apart from its number.
        if !numeral.isPercent, let detached = Self.detachedMultiplier(scalars, at: end, isChinese: isChinese),
            let entry = unitTable.match(scalars, at: detached.end, afterChineseNumerals: false),
            entry.isMoney,
            !Self.modifierTails.contains(where: {
                Self.matches($0, in: scalars, at: detached.end + entry.written.count)
            })
        {
            numeral.value *= detached.factor
            numeral.low = numeral.low.map { $0 * detached.factor }
            numeral.high = numeral.high.map { $0 * detached.factor }
            numeral.multiplier = detached.factor
            end = detached.end
        }
        if end < scalars.count, ScalarClass.isLatin(scalars[end]) && !isUnitLatin(scalars, at: end) { return nil }
        var unit = ""
        // Whether `unit` is 元, kept as the unit is set (comparing its string was a read of its bytes
        // at every figure).
        var isYuan = false
        var approx = numeral.isApproximate
        var fraction = 0.0
        if numeral.isPercent {
            unit = "%"
        } else if let spoken = Self.spokenMoney(scalars, at: end, value: numeral.value) {
            unit = "元"
            isYuan = true
            fraction = spoken.fraction
            end = spoken.end
        } else if let entry = unitTable.match(scalars, at: end, afterChineseNumerals: isChinese) {
            guard accepts(entry, after: numeral, in: scalars, isChinese: isChinese) else { return nil }
            unit = entry.unit
            end += entry.written.count
            if entry.isMoney {
                // 三元五角六分, 2800元/吨, 伍佰萬圆整
                isYuan = entry.isYuan
                if isYuan, let change = Self.smallChange(scalars, at: end) {
                    fraction = change.fraction
                    end = change.end
                }
                if let per = perUnit(scalars, at: end) {
                    unit += per.unit
                    isYuan = false
                    end = per.end
                }
                if end < scalars.count, scalars[end] == Self.whole { end += 1 }  // 整
            }
            let noted = Self.skipInclusiveNote(scalars, at: end)
            for suffix in Self.suffixes where Self.matches(suffix, in: scalars, at: noted) {
                approx = true
                end = noted + suffix.count
                break
            }
        } else if numeral.multiplier >= 1e4, !isChinese || isFollowedByCurrency(scalars, at: end),
            !isFollowedByTime(scalars, at: end)
        {
            unit = ""
        } else {
            return nil
        }
        var first = start
        var value = numeral.value + fraction
        if start > 1, Self.minusSigns.contains(scalars[start - 1]), !ScalarClass.isDigit(scalars[start - 2]),
            !isChinese, numeral.low == nil, !Self.rangeMarks.contains(scalars[start - 2])
        {
            first -= 1  // 底标高为-17.9米
            value = -value
        }
        // 港币三千四百元, 新台币 86.3亿元: the currency written first.
        if isYuan || unit.isEmpty, first == start, let currency = Self.currencyBefore(scalars, at: start),
            isYuan || numeral.multiplier >= 1e4
        {
            unit = currency.unit
            first = currency.start
        }
        let hasRange = numeral.low != nil && numeral.high != nil && numeral.low != numeral.high
        return Quantity(
            start: first, end: end, text: String(scalarValues: scalars[first..<end]), value: value,
            low: hasRange ? numeral.low : nil, high: hasRange ? numeral.high : nil, unit: unit, approx: approx)
    }

    /// `2万元-8万元`, `3万(含)-6万元`, `1000元至3000元`: a range whose ends are both written in full.
    private func rangeWithUnitTwice(from first: Quantity, in scalars: [UInt32]) -> Quantity? {
        guard first.low == nil else { return nil }
        var cursor = Self.skipInclusiveNote(scalars, at: first.end)
        let connectorStart = cursor
        while cursor < scalars.count, cursor - connectorStart < 2, Self.rangeConnectors.contains(scalars[cursor]) {
            cursor += 1
        }
        // The unit is read only after a range mark (most figures have none).
        guard cursor > connectorStart, first.unit.isEmpty || Self.isMoney(first.unit),
            let numeral = numeral(in: scalars, at: cursor), numeral.low == nil,
            let second = quantity(from: numeral, in: scalars), second.start == cursor, Self.isMoney(second.unit),
            first.unit.isEmpty || first.unit == second.unit, first.value < second.value
        else { return nil }
        return Quantity(
            start: first.start, end: second.end, text: String(scalarValues: scalars[first.start..<second.end]),
            value: first.value, low: first.value, high: second.value, unit: second.unit,
            approx: first.approx || second.approx)
    }

    /// Whether a currency name follows (`一百五十万港币`): a Chinese numeral with 万 or 亿 is then money.
    private func isFollowedByCurrency(_ scalars: [UInt32], at index: Int) -> Bool {
        unitTable.match(scalars, at: index, afterChineseNumerals: true)?.isMoney ?? false
    }

    /// Whether a unit match is the figure's unit and not the start of another word (`个月`, `一次性`).
    private func accepts(_ entry: UnitTable.Entry, after numeral: Numeral, in scalars: [UInt32], isChinese: Bool)
        -> Bool
    {
        let start = numeral.range.lowerBound
        let after = numeral.range.upperBound + entry.written.count
        let next: UInt32 = after < scalars.count ? scalars[after] : 0
        // The scalar tests come before the unit's name is compared or hashed: most scalars after a
        // figure are no blocked follower and no period word.
        if Self.blockedFollowerScalars.contains(next), let blocked = Self.blockedFollowers[entry.unit],
            blocked.contains(next)
        {
            return false
        }
        // 近3天, 前两周, 3天内, 两周来: a period, not a figure.
        if (start > 0 && Self.periodLead.contains(scalars[start - 1])) || Self.periodTail.contains(next),
            entry.unit == "天" || entry.unit == "周"
        {
            return false
        }
        // A lone 一 with a measure word is an article, not a count (一座城市, 一项举措, 一条玉带).
        if isChinese, numeral.value == 1, numeral.range.count == 1 { return false }
        // A numeral inside a name (五台子村): the measure word runs on into the name.
        if isChinese, next == 0x5B50 { return false }  // 子
        return true
    }

    /// Whether the number at `start` is an ordinal (`第三`, `第9届`).
    private func isOrdinal(_ scalars: [UInt32], at start: Int) -> Bool {
        start > 0 && scalars[start - 1] == 0x7B2C  // 第
    }

    private func isUnitLatin(_ scalars: [UInt32], at index: Int) -> Bool {
        unitTable.match(scalars, at: index, afterChineseNumerals: false) != nil
    }

    /// Whether a bare number is followed by a date or clock word (`2023年`, `8时`).
    private func isFollowedByTime(_ scalars: [UInt32], at index: Int) -> Bool {
        index < scalars.count && Self.timeWords.contains(scalars[index])
    }

    // MARK: - Tables

    static let minusSigns = Scalars.set("-－")
    /// What a figure's unit or note ends with before a range dash (2万元-8万元, 3万(含)-6万元).
    static let rangeMarks = Scalars.set("-－—–~～)）元")
    static let whole: UInt32 = 0x6574  // 整
    static let yue: UInt32 = 0x7EA6  // 约
    /// Characters that make a word with a following 约 (签约 合约 预约 节约 制约 契约 公约 条约 相约 履约 违约 特约 邀约 续约 解约).
    static let yueWordStarts = Scalars.set("签合预节制契公条相履违特邀续解立")
    /// What makes `亿元` a class of things rather than a sum (亿元以上项目, 亿元级企业).
    static let modifierTails: [[UInt32]] = ["以上", "以下", "级"].map(\.scalarValues)
    static let rangeConnectors = Scalars.set("-－—–~～至到")
    static let prefixes: [[UInt32]] = ["超过", "将近", "接近", "大约", "不到", "不足", "约", "近", "超", "逾"].map(\.scalarValues)
    /// The first scalars of `prefixes`.
    static let prefixStarts = ScalarSet(values: prefixes.compactMap(\.first))
    static let suffixes: [[UInt32]] = ["以上", "以下", "左右", "上下", "之多", "有余"].map(\.scalarValues)
    /// 百 千 万 written without a digit before them (`近百户`, `百余名`, `千余人`).
    static let bareUnits = Scalars.set("百千")
    static let innerMarkers = Scalars.set("余多")
    static let chineseNumeralScalars = Scalars.set("零〇○一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿")
    static let timeWords = Scalars.set("年月日号时点分秒")
    static let periodLead = Scalars.set("前后近这头")
    static let periodTail = Scalars.set("内来后前里")
    static let blockedFollowers: [String: Set<UInt32>] = [
        "个": Set("月".unicodeScalars.map(\.value)),
        "次": Set("性".unicodeScalars.map(\.value)),
        "天": Set("津然下空地".unicodeScalars.map(\.value)),
        "周": Set("年边末岁".unicodeScalars.map(\.value)),
        "人": Set("民大".unicodeScalars.map(\.value)),
        "条": Set("龙".unicodeScalars.map(\.value)),
        "名": Set("单称义".unicodeScalars.map(\.value)),
        "家": Set("庭乡园".unicodeScalars.map(\.value)),
        "岁": Set("月".unicodeScalars.map(\.value)),
    ]

    /// Every scalar of `blockedFollowers`' sets.
    static let blockedFollowerScalars = ScalarSet(values: blockedFollowers.values.joined())

    /// For each BMP scalar: whether a figure can start there (a digit, a Chinese numeral, an
    /// approximation prefix, 百 of 百分之, a vague digit).
    static let startTable: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        for value in 0x30...0x39 { table[value] = true }
        for value in 0xFF10...0xFF19 { table[value] = true }
        let starters = "零〇○一壹弌二两贰貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟廿卅超将接大不约近逾数几上"
        for scalar in starters.unicodeScalars where scalar.value < 0x10000 { table[Int(scalar.value)] = true }
        return table
    }()

    static func matches(_ word: [UInt32], in scalars: [UInt32], at index: Int) -> Bool {
        guard index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[index + offset] != word[offset] { return false }
        return true
    }
}
