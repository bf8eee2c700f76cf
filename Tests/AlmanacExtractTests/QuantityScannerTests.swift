import AlmanacModel
import Testing

@testable import AlmanacExtract

struct QuantityScannerTests {
    /// (passage, text, value, unit, approx)
    @Test(arguments: [
        ("岚江市担保贷款6.43亿元。", "6.43亿元", 643_000_000.0, "元", false),
        ("销售收入2亿元", "2亿元", 200_000_000, "元", false),
        ("投资1300万元", "1300万元", 13_000_000, "元", false),
        ("引进外资3000万美元", "3000万美元", 30_000_000, "美元", false),
        ("结算5.5亿港元", "5.5亿港元", 550_000_000, "港元", false),
        ("同比增长7.4%", "7.4%", 7.4, "%", false),
        ("占比百分之三十", "百分之三十", 30, "%", false),
        ("高于全省1.9个百分点", "1.9个百分点", 1.9, "个百分点", false),
        ("企业50余家", "50余家", 50, "家", true),
        ("问题近200项", "近200项", 200, "项", true),
        ("总投资超过500亿元", "超过500亿元", 50_000_000_000, "元", true),
        ("约25万平方米", "约25万平方米", 250_000, "平方米", true),
        ("占国内产量90%以上", "90%以上", 90, "%", true),
        ("产值2000万元以下", "2000万元以下", 20_000_000, "元", true),
        ("用时3小时左右", "3小时左右", 3, "小时", true),
        ("投入1300多万元", "1300多万元", 13_000_000, "元", true),
        ("果树2.1万余株", "2.1万余株", 21_000, "株", true),
        ("进口煤炭317.6万吨", "317.6万吨", 3_176_000, "吨", false),
        ("年产能2000吨", "2000吨", 2000, "吨", false),
        ("提供担保101笔", "101笔", 101, "笔", false),
        ("新建10万吨级泊位", "10万吨级", 100_000, "吨级", false),
        ("装机容量50兆瓦", "50兆瓦", 50, "兆瓦", false),
        ("观众2.2万人次", "2.2万人次", 22_000, "人次", false),
        ("栽植两千株", "两千株", 2000, "株", false),
        ("举办两场招聘会", "两场", 2, "场", false),
        ("选手百余名", "百余名", 100, "名", true),
        ("村民近百户", "近百户", 100, "户", true),
        ("修建十余公里", "十余公里", 10, "公里", true),
        ("转发上千次", "上千次", 1000, "次", true),
        ("流转土地三千亩", "三千亩", 3000, "亩", false),
        ("面积14552平方米", "14552平方米", 14552, "平方米", false),
        ("全长11.8公里", "11.8公里", 11.8, "公里", false),
        ("通关时间68.99小时", "68.99小时", 68.99, "小时", false),
    ])
    func readsFigures(_ passage: String, _ text: String, _ value: Double, _ unit: String, _ approx: Bool) throws {
        let quantities = QuantityScanner().quantities(in: passage)
        let quantity = try #require(quantities.first)
        #expect(quantities.count == 1)
        #expect(quantity.text == text)
        #expect(abs(quantity.value - value) <= 1e-6 * max(1, value))
        #expect(quantity.unit == unit)
        #expect(quantity.approx == approx)
        #expect(Array(passage.unicodeScalars)[quantity.start..<quantity.end].map(String.init).joined() == text)
    }

    @Test func readsRanges() throws {
        let quantity = try #require(QuantityScanner().quantities(in: "补贴1万-5万元").first)
        #expect(quantity.low == 10_000)
        #expect(quantity.high == 50_000)
        #expect(quantity.value == 10_000)
        #expect(quantity.unit == "元")
    }

    @Test(arguments: [
        "2022年，岚江市启动项目。",
        "8月30日上午9时30分，会议召开。",
        "居全省第三位。",
        "第九届博览会开幕。",
        "前7个月，产值增长。",
        "近3年来，新区发展迅速。",
        "推进5G基站建设。",
        "建设G15高速。",
        "统一规划，一批项目落地。",
        "千家万户受益。",
        "一次性补贴到位。",
        "两个月内完成。",
        "2021-2025年规划",
        "拨打12345热线",
        "九大产业集群",
    ])
    func ignoresNonFigures(_ passage: String) {
        #expect(QuantityScanner().quantities(in: passage).isEmpty)
    }

    @Test func measureWordsAreNeverMoneyOrYears() {
        let quantities = QuantityScanner().quantities(in: "办理业务101笔，年产2000吨。")
        #expect(quantities.map(\.unit) == ["笔", "吨"])
        #expect(quantities.map(\.value) == [101, 2000])
    }
}
