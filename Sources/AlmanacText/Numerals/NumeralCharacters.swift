/// The characters Chinese numerals are written with.
enum NumeralCharacters {
    /// Digit characters (ordinary, financial and traditional forms) and their values.
    static let digits: ScalarMap<Int> = {
        var table: [UInt32: Int] = [:]
        let forms: [(String, Int)] = [
            ("零〇○", 0), ("一壹弌", 1), ("二两贰貳兩弍", 2), ("三叁參弎", 3), ("四肆", 4),
            ("五伍", 5), ("六陆陸", 6), ("七柒", 7), ("八捌", 8), ("九玖", 9),
        ]
        for (characters, value) in forms {
            for scalar in characters.unicodeScalars { table[scalar.value] = value }
        }
        return ScalarMap(table)
    }()

    /// Multipliers inside a section (十 百 千).
    static let smallUnits: ScalarMap<Double> = {
        var table: [UInt32: Double] = [:]
        for (characters, value) in [("十拾", 10.0), ("百佰", 100.0), ("千仟", 1000.0)] {
            for scalar in characters.unicodeScalars { table[scalar.value] = value }
        }
        return ScalarMap(table)
    }()

    /// Section multipliers (万 亿).
    static let largeUnits: ScalarMap<Double> = {
        var table: [UInt32: Double] = [:]
        for (characters, value) in [("万萬", 1e4), ("亿億", 1e8)] {
            for scalar in characters.unicodeScalars { table[scalar.value] = value }
        }
        return ScalarMap(table)
    }()

    /// Characters that stand for tens on their own (廿 20, 卅 30).
    static let tens = ScalarMap<Double>([0x5EFF: 20, 0x5345: 30])

    /// For each scalar of the Basic Multilingual Plane: bit 1 when it can start a Chinese number in
    /// running text (a digit, 十, 第 or 百 of 百分之), bit 2 when it can continue one (a digit, a unit,
    /// 余 多 来, 分 of 百分之): a cheap filter before the full reader runs.
    static let startTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for value in digits.keys where value < 0x10000 { table[Int(value)] = 3 }
        for value in smallUnits.keys where value < 0x10000 { table[Int(value)] |= 2 }
        for value in largeUnits.keys where value < 0x10000 { table[Int(value)] |= 2 }
        for value in tens.keys where value < 0x10000 { table[Int(value)] |= 2 }
        for value in innerApproximations.keys where value < 0x10000 { table[Int(value)] |= 2 }
        for value: UInt32 in [0x5341, 0x7B2C, 0x767E] { table[Int(value)] |= 1 }  // 十 第 百
        table[0x5206] |= 2  // 分
        return table
    }()

    /// Whether `value` can stand in a number after its first scalar other than as an Arabic digit:
    /// a Chinese digit, a unit, 余 多 来 几, 分 (bit 2 of ``startTable``) or 点. The reader asks it
    /// first of each scalar, so the scalar that ends a number is told with one load, not a lookup
    /// in each table.
    @inline(__always)
    static func mayContinue(_ value: UInt32) -> Bool {
        value == chineseDecimalPoint || (value < 0x10000 && startTable[Int(value)] & 2 != 0)
    }

    /// Whether the scalar can be part of a Chinese numeral.
    static func isNumeralCharacter(_ value: UInt32) -> Bool {
        digits[value] != nil || smallUnits[value] != nil || largeUnits[value] != nil || tens[value] != nil
    }

    static let zeroPlaceholders = ScalarMap(members: [0x96F6, 0x3007])  // 零 〇
    static let decimalPoints = ScalarMap(members: [0x2E, 0xFF0E])  // . ．
    static let chineseDecimalPoint: UInt32 = 0x70B9  // 点
    static let groupSeparator: UInt32 = 0x2C  // ,
    static let percentSigns = ScalarMap(members: [0x25, 0xFF05])  // % ％
    static let rangeConnectors = ScalarMap(members: [
        0x2D, 0xFF0D, 0x2014, 0x2013, 0x2012, 0x7E, 0xFF5E, 0x301C, 0x81F3, 0x5230,  // - － — – ‒ ~ ～ 〜 至 到
    ])
    /// Markers inside a number (`10余万`, `三十多万`, `十来个`, `十几块`).
    static let innerApproximations = ScalarMap(members: [0x4F59, 0x591A, 0x6765, 0x51E0])  // 余 多 来 几 (十几)
    /// Words before a number that make it approximate, longest first.
    static let approximatePrefixes: [[UInt32]] = [
        "超过", "将近", "大约", "接近", "不到", "不足", "约", "近", "超", "逾",
    ].map(\.scalarValues)
    /// Words after a number that make it approximate, longest first.
    static let approximateSuffixes: [[UInt32]] = ["左右", "以上", "以下", "上下", "之多", "有余", "许"].map(\.scalarValues)
    /// The first scalars of ``approximatePrefixes`` and ``approximateSuffixes``: asked around every
    /// numeral, they rule out most places with one lookup before the words are matched one by one.
    static let approximatePrefixStarts = ScalarMap(members: approximatePrefixes.compactMap(\.first))
    static let approximateSuffixStarts = ScalarMap(members: approximateSuffixes.compactMap(\.first))
    /// Vague digits (`数十`, `几百`, `上千`): low and high digit they stand for.
    static let vagueDigits = ScalarMap<(low: Double, high: Double)>([
        0x6570: (2, 9), 0x51E0: (2, 9), 0x4E0A: (1, 1),  // 数 几 上
    ])
    static let percentPrefix: [UInt32] = "百分之".scalarValues
    static let wholePercent: [UInt32] = "百分之百".scalarValues
}
