import Testing

@testable import AlmanacExtract

struct PageDateInferenceTests {
    /// (text, date, basis)
    @Test(arguments: [
        // A dateline with its weekday wins over everything else.
        ("岚江日报 2023年8月31日 星期四\n8月30日，记者走进岚江市。2024年底前建成。", "2023-08-31", PageDateEstimate.Basis.datelineWithWeekday),
        ("2023-08-31（周四）\n本报讯 昨日，岚江市召开会议。", "2023-08-31", .datelineWithWeekday),
        ("二〇二三年八月三十一日 星期四 农历七月十六", "2023-08-31", .datelineWithWeekday),
        // Else the latest full date reported as past, a later month-day of its year moving it on.
        ("2023年8月28日，岚江市召开大会。8月30日，记者走进企业。", "2023-08-30", .latestFullDate),
        ("2021年5月3日项目开工，2023年7月20日竣工。", "2023-07-20", .latestFullDate),
        // A date looked forward to does not count.
        ("2023年7月20日竣工。项目将于2024年3月1日投产。", "2023-07-20", .latestFullDate),
        // Else the latest month-day in the latest year the text names.
        ("今年前7个月，岚江市工业增加值增长7.4%。2022年，企业启动扩能项目。8月30日，记者走进企业。",
            "2022-08-30", .latestMonthDay),
        ("2023年1-7月，青河县接待游客120万人次。8月16日，青河县举办旅游节。", "2023-08-16", .latestMonthDay),
        // A month-day earlier than the statistics allow gives way to them.
        ("2023年1-7月，青河县接待游客120万人次。3月16日，青河县举办旅游节。", "2023-08-01", .latestMonthDay),
        // Targets and comparison bases are not the page's year.
        ("2023年，岚江市新建学校。到2025年，全市建成公园50个。较2017年压缩98%。6月2日开学。", "2023-06-02", .latestMonthDay),
        ("岚江港2023年吞吐量创新高，2026年底前完成扩建。", "2023-01-01", .yearOnly),
        // Only a year: placed at the earliest day its statistics allow.
        ("2023年前7个月，岚江市工业增加值增长7.4%。", "2023-08-01", .yearOnly),
        ("2023年上半年，岚江市工业增加值增长7.4%。", "2023-07-01", .yearOnly),
    ])
    func infersTheDate(_ text: String, _ date: String, _ basis: PageDateEstimate.Basis) throws {
        let estimate = try #require(PageDateInference.estimate(in: text))
        #expect(estimate.date.description == date)
        #expect(estimate.basis == basis)
    }

    @Test func confidenceFollowsTheEvidence() throws {
        let dateline = try #require(PageDateInference.estimate(in: "2023年8月31日 星期四"))
        let full = try #require(PageDateInference.estimate(in: "2023年8月28日，岚江市召开大会。"))
        let monthDay = try #require(PageDateInference.estimate(in: "2023年，岚江市新建学校。8月2日开学。"))
        let year = try #require(PageDateInference.estimate(in: "2023年，岚江市新建学校。"))
        let since = try #require(PageDateInference.estimate(in: "从2016年起至今，岚江市新建学校。"))
        #expect(dateline.confidence > full.confidence)
        #expect(full.confidence > monthDay.confidence)
        #expect(monthDay.confidence > year.confidence)
        #expect(year.confidence > since.confidence)
    }

    @Test(arguments: ["岚江市新建学校12所。", "8月30日，记者走进企业。", "产能2000吨，投资3000万元。", ""])
    func namesNoDateWithoutAYear(_ text: String) {
        #expect(PageDateInference.estimate(in: text) == nil)
    }
}
