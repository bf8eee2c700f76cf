import Testing

@testable import AlmanacText

/// One row of the numeral table: the text, where to start, and what must come out.
struct NumeralCase: Sendable, CustomTestStringConvertible {
    var text: String
    var start = 0
    var value: Double?
    var length: Int?
    var low: Double?
    var high: Double?
    var approximate = false
    var percent = false

    var testDescription: String { "\(text)@\(start)" }
}

private func n(_ text: String, _ value: Double?, length: Int? = nil, at start: Int = 0) -> NumeralCase {
    NumeralCase(text: text, start: start, value: value, length: length)
}

private func approx(_ text: String, _ value: Double, length: Int? = nil) -> NumeralCase {
    NumeralCase(text: text, value: value, length: length, approximate: true)
}

private func range(_ text: String, _ low: Double, _ high: Double, approximate: Bool = false, percent: Bool = false)
    -> NumeralCase
{
    NumeralCase(text: text, value: low, low: low, high: high, approximate: approximate, percent: percent)
}

private func percent(_ text: String, _ value: Double, at start: Int = 0, length: Int? = nil) -> NumeralCase {
    NumeralCase(text: text, start: start, value: value, length: length, percent: true)
}

let arabicCases: [NumeralCase] = [
    n("0", 0), n("7", 7), n("42", 42), n("2023", 2023), n("1,234", 1234), n("12,345,678", 12_345_678),
    n("1,234.56", 1234.56), n("3.14", 3.14), n("0.5", 0.5), n("６", 6), n("１２３", 123), n("１２．５", 12.5),
    n("007", 7), n("1,23", 1, length: 1), n("12,345人", 12345, length: 6), n("3.5.", 3.5, length: 3),
    n("1,234元", 1234, length: 5), n("30人", 30, length: 2), n("2023年", 2023, length: 4),
    n("1234,5678", 1234, length: 4), n("99.", 99, length: 2), n("１，２３４", 1, length: 1),
]

let chineseCases: [NumeralCase] = [
    n("一", 1), n("二", 2), n("两", 2), n("十", 10), n("十一", 11), n("二十", 20), n("三十", 30),
    n("三十五", 35), n("九十九", 99), n("一百", 100), n("一百零五", 105), n("一百一十", 110),
    n("一百二十三", 123), n("两百", 200), n("两千", 2000), n("三千零五", 3005), n("一千零一", 1001),
    n("一万", 10000), n("十万", 100_000), n("一百万", 1_000_000), n("一千万", 10_000_000), n("一亿", 1e8),
    n("十亿", 1e9), n("一万二千", 12000), n("一亿二千万", 1.2e8), n("三万五千", 35000), n("二〇二三", 2023),
    n("一九九八", 1998), n("二〇〇八", 2008), n("〇", 0), n("零", 0), n("一万零五百", 10500),
    n("五千零二十", 5020), n("三百五", 350), n("一万二", 12000), n("两万五", 25000), n("三点五", 3.5),
    n("二十三点五万", 235_000), n("零点五", 0.5), n("廿", 20), n("廿五", 25), n("一百零五个", 105, length: 4),
    n("一个", 1, length: 1), n("三点钟", 3, length: 1), n("两岸", 2, length: 1), n("二〇二三年", 2023, length: 4),
    n("十二", 12), n("四十四", 44), n("一千", 1000), n("八千八百八十八", 8888), n("五亿零三百万", 503_000_000),
    n("三千亿", 3e11), n("两万亿", 2e12), n("十五万", 150_000), n("一百零一万", 1_010_000),
]

let financialCases: [NumeralCase] = [
    n("壹", 1), n("贰拾", 20), n("壹佰", 100), n("壹佰贰拾叁", 123), n("叁仟", 3000), n("伍萬", 50000),
    n("壹億", 1e8), n("玖佰玖拾玖", 999), n("壹仟零壹", 1001), n("肆拾伍", 45), n("陆万", 60000),
    n("柒仟捌佰", 7800), n("貳拾", 20), n("拾", 10), n("捌佰万", 8_000_000), n("壹拾贰万", 120_000),
]

let mixedCases: [NumeralCase] = [
    n("6.43亿", 643_000_000), n("1.2万", 12000), n("3千万亿", 3e15), n("3千", 3000), n("5万", 50000),
    n("10万", 100_000), n("2.5亿", 2.5e8), n("1亿2000万", 1.2e8), n("3万亿", 3e12), n("1.5万亿", 1.5e12),
    n("100万", 1e6), n("0.8万", 8000), n("12.5万", 125_000), n("2千万", 2e7), n("６．４３亿", 643_000_000),
    n("5百万", 5e6), n("20亿", 2e9), n("1亿", 1e8), n("6.43亿元", 643_000_000, length: 5),
    n("4.5万吨", 45000, length: 4), n("1.28万亿元", 1.28e12, length: 6), n("3000万", 3e7), n("0.01亿", 1e6),
]

let rangeCases: [NumeralCase] = [
    range("1万-5万", 10000, 50000), range("两到三万", 20000, 30000, approximate: false),
    range("八九亿", 8e8, 9e8, approximate: true), range("1-5万", 10000, 50000), range("20~30", 20, 30),
    range("20至30万", 200_000, 300_000), range("三四十", 30, 40, approximate: true), range("七八", 7, 8, approximate: true),
    range("5-10%", 5, 10, percent: true), range("2022-2023", 2022, 2023), range("3000-5000", 3000, 5000),
    range("一至三", 1, 3), range("二三十", 20, 30, approximate: true), range("十五到二十", 15, 20),
    range("1.5-2亿", 1.5e8, 2e8), range("五六千", 5000, 6000, approximate: true), range("10～20", 10, 20),
    range("1000—2000", 1000, 2000), range("3到5", 3, 5), range("100－200", 100, 200),
    range("两三百", 200, 300, approximate: true), range("1万至1.5万", 10000, 15000),
]

let approximationCases: [NumeralCase] = [
    approx("约30", 30), approx("近5000", 5000), approx("超过100", 100), approx("超3亿", 3e8), approx("10余万", 1e5),
    approx("十余万", 1e5), approx("三十多", 30), approx("1万多", 1e4), approx("100多", 100), approx("30左右", 30),
    approx("500以上", 500), approx("不到10", 10), approx("上百", 100), approx("上千", 1000), approx("上万", 1e4),
    approx("十来", 10), approx("20来", 20), approx("三百余", 300), approx("一千多万", 1e7), n("逾万", nil),
    approx("大约200", 200), approx("接近50", 50), approx("不足3成", 3, length: 3), approx("300余家", 300, length: 4),
    approx("20多个", 20, length: 3), approx("8000万左右", 8e7), approx("将近一万", 1e4),
    approx("6.2亿以上", 6.2e8), n("约合5000", nil), approx("二十多万", 2e5), approx("1000多万", 1e7),
    NumeralCase(text: "数十", value: 20, low: 20, high: 90, approximate: true),
    NumeralCase(text: "数百万", value: 2e6, low: 2e6, high: 9e6, approximate: true),
    NumeralCase(text: "几十", value: 20, low: 20, high: 90, approximate: true),
    NumeralCase(text: "几千", value: 2000, low: 2000, high: 9000, approximate: true),
]

let percentCases: [NumeralCase] = [
    percent("百分之三十", 30), percent("百分之五十五", 55), percent("百分之零点五", 0.5), percent("7.4%", 7.4),
    percent("12.5％", 12.5), percent("增长7.4%", 7.4, at: 2), percent("100%", 100), percent("0.3%", 0.3),
    percent("百分之百", 100), n("下降2.1个百分点", 2.1, length: 3, at: 2),
]

let offsetCases: [NumeralCase] = [
    n("贷款6.43亿元", 643_000_000, length: 5, at: 2), n("今年前7个月", 7, length: 1, at: 3),
    n("岚江市22个产业集群", 22, length: 2, at: 3), n("投资１２亿元", 1.2e9, length: 3, at: 2),
    n("第三位", 3, length: 1, at: 1), n("共有三十五家", 35, length: 3, at: 2),
    n("同比增长7.4", 7.4, length: 3, at: 4), n("截至2023年底", 2023, length: 4, at: 2),
]

let nonNumeralCases: [NumeralCase] = [
    n("", nil), n("百姓", nil), n("千万", nil), n("万一", nil), n("abc", nil), n("。", nil), n("点", nil),
    n("第三", nil), n("约定", nil), n("近期", nil), n("超市", nil), n("多少", nil), n("亿万", nil),
    n("-5", nil), n("上海", nil), n("数据", nil), n("几乎", nil), n("百分比", nil),
]

extension NumeralCase {
    /// The same text expected to hold no numeral at its start.
    var notNumeral: NumeralCase { NumeralCase(text: text, value: nil) }
}

struct NumeralParserTests {
    static let allCases =
        arabicCases + chineseCases + financialCases + mixedCases + rangeCases + approximationCases + percentCases
        + offsetCases + nonNumeralCases

    @Test func tableHasAtLeast150Cases() {
        #expect(Self.allCases.count >= 150)
    }

    @Test(arguments: allCases)
    func parses(_ row: NumeralCase) {
        let numeral = NumeralParser.numeral(in: row.text, at: row.start)
        guard let expected = row.value else {
            #expect(numeral == nil, "expected no numeral, got \(String(describing: numeral))")
            return
        }
        guard let numeral else {
            Issue.record("no numeral found in \(row.text)")
            return
        }
        #expect(abs(numeral.value - expected) <= 1e-9 * max(1, abs(expected)), "value")
        let length = row.length ?? (row.text.unicodeScalars.count - row.start)
        #expect(numeral.range == row.start..<(row.start + length), "extent")
        #expect(numeral.low == row.low, "low")
        #expect(numeral.high == row.high, "high")
        #expect(numeral.isApproximate == row.approximate, "approximate")
        #expect(numeral.isPercent == row.percent, "percent")
    }

    @Test func scansEveryNumeralOfASentence() {
        let found = NumeralParser.numerals(in: "上半年担保贷款6.43亿元，同比增长7.4%，新增企业300余家。")
        #expect(found.map(\.value) == [643_000_000, 7.4, 300])
        #expect(found.map(\.range) == [7..<12, 18..<22, 27..<31])
        #expect(found[1].isPercent)
        #expect(found[2].isApproximate)
    }

    @Test func wholeTextValue() {
        #expect(NumeralParser.value(of: "两千") == 2000)
        #expect(NumeralParser.value(of: "两千人") == nil)
    }

    @Test func reportsTheTrailingMultiplier() {
        #expect(NumeralParser.numeral(in: "3千万亿", at: 0)?.multiplier == 1e15)
        #expect(NumeralParser.numeral(in: "6.43亿", at: 0)?.multiplier == 1e8)
        #expect(NumeralParser.numeral(in: "二十三", at: 0)?.multiplier == 1)
    }
}
