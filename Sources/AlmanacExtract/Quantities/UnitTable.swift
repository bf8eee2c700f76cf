import AlmanacText

/// The units and measure words a figure can carry, matched longest first.
///
/// Multipliers (万 亿 千 百) are read by the numeral parser, so the table holds what follows them:
/// `6.43亿元` reads as 6.43亿 and `元`, `2.2万人次` as 2.2万 and `人次`.
struct UnitTable: Sendable {
    /// A unit as printed and the unit a fact reports.
    struct Entry: Sendable {
        var written: [UInt32]
        var unit: String
        /// Whether the unit may follow a number written in Chinese numerals (`二期` is a phase, not a count).
        var afterChineseNumerals: Bool
        /// ``QuantityScanner/isMoney(_:)`` of `unit`, asked once here rather than at each figure.
        var isMoney: Bool
        /// Whether `unit` is 元.
        var isYuan: Bool
    }

    /// Entries by their first scalar, longest first.
    private let entries: [UInt32: [Entry]]
    /// The first scalars of `entries`: most scalars after a number start no unit, and one lookup here
    /// tells them before the dictionary hashes them.
    private let firsts: ScalarSet

    /// The unit table of Chinese economic reporting.
    static let standard = UnitTable()

    private init() {
        var table: [UInt32: [Entry]] = [:]
        func add(_ written: String, as unit: String? = nil, chinese: Bool = true) {
            let scalars = written.scalarValues
            guard let first = scalars.first else { return }
            let unit = unit ?? written
            table[first, default: []].append(
                Entry(
                    written: scalars, unit: unit, afterChineseNumerals: chinese,
                    isMoney: QuantityScanner.isMoney(unit), isYuan: QuantityScanner.unit(unit, is: "元")))
        }
        // Money: 亿元 and 万元 leave 元 once the parser took the multiplier.
        for currency in [
            "元", "美元", "港元", "欧元", "日元", "英镑", "韩元", "澳元", "卢布", "加元", "新台币", "泰铢", "卢比", "新加坡元",
            "瑞士法郎", "法郎", "比索", "林吉特", "越南盾", "新西兰元",
        ] {
            add(currency)
        }
        add("元人民币", as: "元")
        add("人民币", as: "元")
        add("块钱", as: "元")
        add("元钱", as: "元")
        add("圆", as: "元")
        add("港币", as: "港元")
        add("美金", as: "美元")
        add("台币", as: "新台币")
        // Shares of a whole.
        add("个百分点")
        add("百分点", as: "个百分点")
        // Counts of people, bodies and things (measure words).
        for word in [
            "个次", "家次", "人次", "台次", "车次", "批次", "架次", "班次", "场次", "户次", "艘次", "吨次",
            "个工作日", "工作日", "部门",
            "个", "户", "家", "项", "笔", "名", "人", "位", "场", "次", "件", "条", "栋", "座", "台套", "台",
            "辆", "艘", "架", "种", "首", "幅", "轮", "所", "套", "张", "份", "组", "支", "类", "款", "宗", "例",
            "株", "棵", "头", "只", "羽", "间", "篇", "枚", "盏", "届", "倍", "岁", "天", "周",
        ] {
            add(word)
        }
        // Measure words that, after a Chinese numeral, mostly make a set phrase (二期, 一批, 一部分, 一种).
        for word in ["处", "期", "批", "部", "根", "块", "片", "门", "道", "方", "类", "种", "层"] {
            add(word, chinese: false)
        }
        // Measures.
        for word in [
            "吨级", "吨公里", "吨", "千克", "公斤", "平方公里", "平方千米", "平方米", "平米", "立方米", "公顷", "亩",
            "公里", "千米", "米", "厘米", "毫米", "兆瓦时", "兆瓦", "千瓦时", "千瓦", "瓦", "千伏", "伏", "标箱", "标准箱",
            "分钟", "小时", "秒", "升", "毫升", "立方", "度电",
            "TEU", "MW", "kW", "km",
        ] {
            add(word)
        }
        for key in table.keys { table[key]?.sort { $0.written.count > $1.written.count } }
        entries = table
        firsts = ScalarSet(values: table.keys)
    }

    /// The entry printed at `index`, longest first, or `nil`.
    func match(_ scalars: [UInt32], at index: Int, afterChineseNumerals: Bool) -> Entry? {
        guard index < scalars.count else { return nil }
        let first = ScalarClass.foldWidth(scalars[index])
        guard firsts.contains(first), let candidates = entries[first] else { return nil }
        for entry in candidates where !afterChineseNumerals || entry.afterChineseNumerals {
            if matches(entry.written, in: scalars, at: index) { return entry }
        }
        return nil
    }

    private func matches(_ word: [UInt32], in scalars: [UInt32], at index: Int) -> Bool {
        guard index + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where ScalarClass.foldWidth(scalars[index + offset]) != word[offset] {
            return false
        }
        return true
    }
}
