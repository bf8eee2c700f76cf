import AlmanacModel
import Testing

@testable import AlmanacExtract

/// Money as Chinese writing prints it: digits and numerals mixed, multipliers up to 万亿, currencies
/// before or after the number, spoken forms, prices per unit, approximations and ranges.
struct MoneyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var passage: String
        var text: String
        var value: Double
        var unit: String
        var approx = false
        var low: Double?
        var high: Double?
        var testDescription: String { passage }
    }

    static let cases: [Case] = [
        // Digits, grouping and currencies after the number.
        Case(passage: "共赔偿57,206.40元。", text: "57,206.40元", value: 57206.4, unit: "元"),
        Case(passage: "合同额3,405,912元", text: "3,405,912元", value: 3_405_912, unit: "元"),
        Case(passage: "退还43，518.60元", text: "43，518.60元", value: 43518.6, unit: "元"),
        Case(passage: "回款46,203，518.75元", text: "46,203，518.75元", value: 46_203_518.75, unit: "元"),
        Case(passage: "营收71953港元", text: "71953港元", value: 71953, unit: "港元"),
        Case(passage: "融资6218.35美元", text: "6218.35美元", value: 6218.35, unit: "美元"),
        Case(passage: "订单4.6亿欧元", text: "4.6亿欧元", value: 460_000_000, unit: "欧元"),
        Case(passage: "投资87亿日元", text: "87亿日元", value: 8_700_000_000, unit: "日元"),
        Case(passage: "出口额2.3亿英镑", text: "2.3亿英镑", value: 230_000_000, unit: "英镑"),
        Case(passage: "签约58亿韩元", text: "58亿韩元", value: 5_800_000_000, unit: "韩元"),
        Case(passage: "采购1.7万卢布", text: "1.7万卢布", value: 17000, unit: "卢布"),
        Case(passage: "成交九十六万四千泰铢", text: "九十六万四千泰铢", value: 964_000, unit: "泰铢"),
        Case(passage: "捐款5000元人民币", text: "5000元人民币", value: 5000, unit: "元"),
        Case(passage: "售价3.2万美金", text: "3.2万美金", value: 32000, unit: "美元"),
        Case(passage: "报价7.5万港币", text: "7.5万港币", value: 75000, unit: "港元"),
        // Multipliers: 万, 亿, 万亿 and chains of them.
        Case(passage: "贷款3.8万元", text: "3.8万元", value: 38000, unit: "元"),
        Case(passage: "地区生产总值1.26万亿元", text: "1.26万亿元", value: 1.26e12, unit: "元"),
        Case(passage: "规模达到4千万亿韩元", text: "4千万亿韩元", value: 4e15, unit: "韩元"),
        Case(passage: "储蓄八百亿元", text: "八百亿元", value: 8e10, unit: "元"),
        // The currency written first.
        Case(passage: "营收新台币 52.4 亿元", text: "新台币 52.4 亿元", value: 5_240_000_000, unit: "新台币"),
        Case(passage: "收到港币六千八百元", text: "港币六千八百元", value: 6800, unit: "港元"),
        Case(passage: "捐赠人民币两万元", text: "人民币两万元", value: 20000, unit: "元"),
        Case(passage: "支付美元1200万元", text: "美元1200万元", value: 12_000_000, unit: "美元"),
        Case(passage: "折合二百七十万港币", text: "二百七十万港币", value: 2_700_000, unit: "港元"),
        // Numerals alone, financial forms, 圆整, 角 and 分.
        Case(passage: "罚款三十七万零八十四元六角二分", text: "三十七万零八十四元六角二分", value: 370_084.62, unit: "元"),
        Case(passage: "收款肆万伍仟陆佰元", text: "肆万伍仟陆佰元", value: 45600, unit: "元"),
        Case(passage: "金额柒佰捌拾萬圆整", text: "柒佰捌拾萬圆整", value: 7_800_000, unit: "元"),
        Case(passage: "退款三元零五分", text: "三元零五分", value: 3.05, unit: "元"),
        Case(passage: "投入五个亿元", text: "五个亿元", value: 500_000_000, unit: "元"),
        Case(passage: "亏损两个亿日元", text: "两个亿日元", value: 200_000_000, unit: "日元"),
        // Spoken 块.
        Case(passage: "一斤卖九块五", text: "九块五", value: 9.5, unit: "元"),
        Case(passage: "票价六块三毛", text: "六块三毛", value: 6.3, unit: "元"),
        Case(passage: "一共四十八块二角五分钱", text: "四十八块二角五分钱", value: 48.25, unit: "元"),
        Case(passage: "门票二十块钱", text: "二十块钱", value: 20, unit: "元"),
        Case(passage: "赚了好几十万块。", text: "几十万块", value: 200_000, unit: "元", approx: true, low: 200_000, high: 900_000),
        Case(passage: "花了十几块钱", text: "十几块钱", value: 10, unit: "元", approx: true),
        // Prices per unit.
        Case(passage: "收购价2650元/吨", text: "2650元/吨", value: 2650, unit: "元/吨"),
        Case(passage: "均价1.3万元/平方米", text: "1.3万元/平方米", value: 13000, unit: "元/平方米"),
        Case(passage: "补助300元／人", text: "300元／人", value: 300, unit: "元/人"),
        Case(passage: "租金每亩800元", text: "800元", value: 800, unit: "元"),
        // Approximations.
        Case(passage: "出口约2.75亿美元", text: "约2.75亿美元", value: 275_000_000, unit: "美元", approx: true),
        Case(passage: "投入近600万元", text: "近600万元", value: 6_000_000, unit: "元", approx: true),
        Case(passage: "售价不到3.4万台币", text: "不到3.4万台币", value: 34000, unit: "新台币", approx: true),
        Case(passage: "花了2000多欧元", text: "2000多欧元", value: 2000, unit: "欧元", approx: true),
        Case(passage: "损失数十亿元", text: "数十亿元", value: 2e9, unit: "元", approx: true, low: 2e9, high: 9e9),
        Case(passage: "奖励30万元（含）以上", text: "30万元（含）以上", value: 300_000, unit: "元", approx: true),
        Case(passage: "募集资金超过12亿元", text: "超过12亿元", value: 1.2e9, unit: "元", approx: true),
        Case(passage: "营收5亿元左右", text: "5亿元左右", value: 5e8, unit: "元", approx: true),
        // Ranges.
        Case(passage: "补贴1万-3万元", text: "1万-3万元", value: 10000, unit: "元", low: 10000, high: 30000),
        Case(passage: "补贴2万元-6万元", text: "2万元-6万元", value: 20000, unit: "元", low: 20000, high: 60000),
        Case(passage: "奖励5万元--10万元", text: "5万元--10万元", value: 50000, unit: "元", low: 50000, high: 100000),
        Case(passage: "补贴4万(含)-9万元", text: "4万(含)-9万元", value: 40000, unit: "元", low: 40000, high: 90000),
        Case(passage: "报价从7000到5万港元", text: "7000到5万港元", value: 7000, unit: "港元", low: 7000, high: 50000),
        Case(passage: "补贴4——6万港币", text: "4——6万港币", value: 40000, unit: "港元", low: 40000, high: 60000),
        Case(passage: "月薪三到四万港元", text: "三到四万港元", value: 30000, unit: "港元", low: 30000, high: 40000),
        Case(passage: "奖金十六至二十五万日元", text: "十六至二十五万日元", value: 160_000, unit: "日元", low: 160_000, high: 250_000),
        Case(passage: "投资两百到两百五十万元", text: "两百到两百五十万元", value: 2_000_000, unit: "元", low: 2_000_000, high: 2_500_000),
        Case(passage: "预算三到四仟澳元", text: "三到四仟澳元", value: 3000, unit: "澳元", low: 3000, high: 4000),
        Case(passage: "投入五六亿韩元", text: "五六亿韩元", value: 5e8, unit: "韩元", approx: true, low: 5e8, high: 6e8),
        Case(passage: "花三五百块", text: "三五百块", value: 300, unit: "元", approx: true, low: 300, high: 500),
        Case(passage: "要六七千块钱", text: "六七千块钱", value: 6000, unit: "元", approx: true, low: 6000, high: 7000),
        Case(passage: "一千到两千万元人民币", text: "一千到两千万元人民币", value: 1e7, unit: "元", low: 1e7, high: 2e7),
    ]

    @Test(arguments: cases)
    func readsMoney(_ money: Case) throws {
        let found = QuantityScanner().quantities(in: money.passage)
        let quantity = try #require(found.first { $0.text == money.text }, "found \(found.map(\.text))")
        #expect(abs(quantity.value - money.value) <= 1e-6 * max(1, abs(money.value)))
        #expect(quantity.unit == money.unit)
        #expect(quantity.approx == money.approx)
        #expect(quantity.low == money.low)
        #expect(quantity.high == money.high)
    }

    /// Passages with measure words and no money at all.
    @Test(arguments: ["办理贷款101笔", "整理出三块地", "立起3块石碑", "引进14个亿元以上项目", "用时5分钟", "产量2000吨", "节约用水"])
    func measureWordsStayMeasureWords(_ passage: String) {
        let units = QuantityScanner().quantities(in: passage).map(\.unit)
        #expect(!units.contains { QuantityScanner.isMoney($0) }, "\(units)")
    }

    @Test func signingIsNoApproximation() throws {
        let found = QuantityScanner().quantities(in: "现场签约36亿元，合约金额约2亿元。")
        #expect(found.map(\.text) == ["36亿元", "约2亿元"])
        #expect(found.map(\.approx) == [false, true])
    }

    @Test func commasBetweenClausesAreNoGrouping() {
        let found = QuantityScanner().quantities(in: "新增企业12，345项目落地。")
        #expect(found.map(\.text) != ["12，345"])
        let list = QuantityScanner().quantities(in: "分别增长12%，345家企业参与。")
        #expect(list.map(\.text) == ["12%", "345家"])
    }
}
