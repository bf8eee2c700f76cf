import AlmanacModel
import AlmanacText

/// The ways money is printed beyond `N元`: a currency named before the number (`港币三千元`), a
/// multiplier set apart (`86.3 亿元`) or counted (`三个亿`), spoken forms (`十二块五`, `八块四毛`,
/// `三元五角六分`), prices per unit (`2800元/吨`), `（含）` notes and ranges with the unit written twice
/// (`2万元-8万元`).
extension QuantityScanner {
    /// A multiplier after the number, set apart by spaces (`86.3 亿`) or by 个 (`三个亿`): its factor and end.
    ///
    /// `三个亿` is spoken Chinese, written with Chinese numerals; `14个亿元以上项目` counts projects.
    static func detachedMultiplier(_ scalars: [UInt32], at index: Int, isChinese: Bool) -> (factor: Double, end: Int)? {
        var cursor = index
        while cursor < scalars.count, cursor - index < 2, ScalarClass.isSpace(scalars[cursor]) { cursor += 1 }
        if cursor == index, isChinese, cursor < scalars.count, scalars[cursor] == Self.ge { cursor += 1 }  // 三个亿
        guard cursor > index else { return nil }
        var factor = 1.0
        while cursor < scalars.count, let unit = Self.largeUnits[scalars[cursor]] {
            factor *= unit
            cursor += 1
        }
        guard factor > 1 else { return nil }
        return (factor, cursor)
    }

    /// Spoken money: `块` (`十二块五`, `八块四毛`, `几十万块`); returns the end and the added fraction.
    static func spokenMoney(_ scalars: [UInt32], at index: Int, value: Double) -> (end: Int, fraction: Double)? {
        guard index < scalars.count, scalars[index] == Self.kuai else { return nil }
        let after = index + 1
        if let (fraction, end) = smallChange(scalars, at: after) { return (end, fraction) }
        // 十二块五: one digit after 块 is its tenths.
        if after < scalars.count, let digit = Self.digitValue(scalars[after]),
            after + 1 >= scalars.count || !ScalarClass.isHan(scalars[after + 1]) || scalars[after + 1] == Self.qian
        {
            return (after + 1 + (after + 1 < scalars.count && scalars[after + 1] == Self.qian ? 1 : 0), Double(digit) / 10)
        }
        // 几十万块, 三五百块: a round sum in 块 with nothing after it; 三块地 is three plots.
        if value >= 100, after >= scalars.count || !ScalarClass.isHan(scalars[after]) { return (after, 0) }
        return nil
    }

    /// 角 (毛) and 分 after 元 or 块 (`五角六分`, `四毛`, `三角五分钱`): the fraction of a yuan and the end.
    static func smallChange(_ scalars: [UInt32], at index: Int) -> (fraction: Double, end: Int)? {
        var cursor = index
        var fraction = 0.0
        if cursor + 1 < scalars.count, let digit = digitValue(scalars[cursor]), Self.jiao.contains(scalars[cursor + 1]) {
            fraction += Double(digit) / 10
            cursor += 2
        }
        // 分 only after 角, or after 元 with 零 (三元零五分): else 5元5分 could be minutes.
        if cursor + 1 < scalars.count, cursor > index || scalars[cursor] == Self.zero {
            var digitAt = cursor
            if scalars[digitAt] == Self.zero { digitAt += 1 }
            if digitAt + 1 < scalars.count, let digit = digitValue(scalars[digitAt]), scalars[digitAt + 1] == Self.fen {
                fraction += Double(digit) / 100
                cursor = digitAt + 2
            }
        }
        guard cursor > index else { return nil }
        if cursor < scalars.count, scalars[cursor] == Self.qian { cursor += 1 }  // 钱
        return (fraction, cursor)
    }

    /// A price's unit after a money unit (`元/吨`, `元／平方米`, `元/人`): the unit's text and end.
    func perUnit(_ scalars: [UInt32], at index: Int) -> (unit: String, end: Int)? {
        guard index + 1 < scalars.count, Self.slashes.contains(scalars[index]) else { return nil }
        if let entry = unitTable.match(scalars, at: index + 1, afterChineseNumerals: false),
            entry.unit.unicodeScalars.last != Self.yuan
        {
            return ("/" + entry.unit, index + 1 + entry.written.count)
        }
        if Self.perTimes.contains(scalars[index + 1]) {
            return ("/" + String(scalarValues: [scalars[index + 1]]), index + 2)
        }
        return nil
    }

    /// `（含）` after a figure (`50万元（含）以上`): its end, else `index`.
    static func skipInclusiveNote(_ scalars: [UInt32], at index: Int) -> Int {
        for note in Self.inclusiveNotes where matches(note, in: scalars, at: index) { return index + note.count }
        return index
    }

    /// The currency named right before a number (`港币三千四百元`, `新台币 86.3亿元`): its unit and start.
    static func currencyBefore(_ scalars: [UInt32], at start: Int) -> (unit: String, start: Int)? {
        var end = start
        while end > 0, start - end < 2, ScalarClass.isSpace(scalars[end - 1]) { end -= 1 }
        for (written, unit) in Self.currencyNames where Scalars.matches(written, in: scalars, at: end - written.count) {
            return (unit, end - written.count)
        }
        return nil
    }

    /// Whether a unit is money (元, 美元, 港元 …, and prices in them).
    ///
    /// Read on the unit's scalars (a unit is written from the unit table's words, in which no
    /// combining mark follows 元, so its first or last scalar is 元 exactly when its first or last
    /// character is), the set of currencies asked last and only for a unit ending in a currency's
    /// last scalar (hashing every unit's string was a percent of a page's extraction).
    static func isMoney(_ unit: String) -> Bool {
        let scalars = unit.unicodeScalars
        guard let last = scalars.last else { return false }
        return scalars.first == yuan || last == yuan
            || (Self.currencyLasts.contains(last.value) && Self.currencies.contains(unit))
    }

    /// 元.
    static let yuan: Unicode.Scalar = "元"

    /// Whether `unit` is `written` (units are the table's words: equal characters are equal bytes).
    @inline(__always)
    static func unit(_ unit: String, is written: String) -> Bool {
        unit.utf8.elementsEqual(written.utf8)
    }

    static func digitValue(_ value: UInt32) -> Int? {
        if ScalarClass.isDigit(value) { return Int(ScalarClass.foldWidth(value) - 0x30) }
        return Self.chineseDigits[value]
    }

    // MARK: - Tables

    static let ge: UInt32 = 0x4E2A  // 个
    static let kuai: UInt32 = 0x5757  // 块
    static let qian: UInt32 = 0x94B1  // 钱
    static let fen: UInt32 = 0x5206  // 分
    static let zero: UInt32 = 0x96F6  // 零
    static let jiao = Scalars.set("角毛")
    static let slashes = Scalars.set("/／")
    static let perTimes = Scalars.set("年月日天人户次件斤度")
    static let largeUnits: [UInt32: Double] = [0x4E07: 1e4, 0x842C: 1e4, 0x4EBF: 1e8, 0x5104: 1e8]  // 万 萬 亿 億
    static let chineseDigits: [UInt32: Int] = [
        0x4E00: 1, 0x58F9: 1, 0x4E8C: 2, 0x4E24: 2, 0x8D30: 2, 0x4E09: 3, 0x53C1: 3, 0x56DB: 4, 0x8086: 4, 0x4E94: 5,
        0x4F0D: 5, 0x516D: 6, 0x9646: 6, 0x4E03: 7, 0x67D2: 7, 0x516B: 8, 0x634C: 8, 0x4E5D: 9, 0x7396: 9,
    ]
    static let inclusiveNotes: [[UInt32]] = ["（含）", "(含)"].map(\.scalarValues)
    /// Currencies written before the number, longest first, with the unit a fact reports.
    static let currencyNames: [([UInt32], String)] = [
        ("新台币", "新台币"), ("人民币", "元"), ("港币", "港元"), ("港元", "港元"), ("美元", "美元"), ("美金", "美元"),
        ("欧元", "欧元"), ("日元", "日元"), ("英镑", "英镑"), ("韩元", "韩元"), ("台币", "新台币"),
    ].map { ($0.0.scalarValues, $0.1) }
    static let currencies: Set<String> = [
        "美元", "港元", "欧元", "日元", "英镑", "韩元", "澳元", "卢布", "加元", "新台币", "泰铢", "卢比", "新加坡元",
        "瑞士法郎", "法郎", "比索", "林吉特", "越南盾", "新西兰元",
    ]
    /// The last scalars of `currencies`.
    static let currencyLasts = ScalarSet(String(currencies.compactMap(\.unicodeScalars.last).map(Character.init)))
}
