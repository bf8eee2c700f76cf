import AlmanacModel
import Testing

@testable import AlmanacExtract

struct PeriodResolverTests {
    static let page = PeriodResolver(pageDate: CalendarDay("2023-08-31")!)

    /// (phrase, first day, last day) on a page of 2023-08-31.
    @Test(arguments: [
        ("今年前7个月", "2023-01-01", "2023-07-31"),
        ("前7个月", "2023-01-01", "2023-07-31"),
        ("上半年", "2023-01-01", "2023-06-30"),
        ("今年上半年", "2023-01-01", "2023-06-30"),
        ("去年上半年", "2022-01-01", "2022-06-30"),
        ("下半年", "2023-07-01", "2023-12-31"),
        ("一季度", "2023-01-01", "2023-03-31"),
        ("第三季度", "2023-07-01", "2023-09-30"),
        ("二季度", "2023-04-01", "2023-06-30"),
        ("首季度", "2023-01-01", "2023-03-31"),
        ("前三季度", "2022-01-01", "2022-09-30"),
        ("1-10月", "2022-01-01", "2022-10-31"),
        ("1-7月", "2023-01-01", "2023-07-31"),
        ("1—7月", "2023-01-01", "2023-07-31"),
        ("1月至7月", "2023-01-01", "2023-07-31"),
        ("一月至七月", "2023-01-01", "2023-07-31"),
        ("2022年1-10月", "2022-01-01", "2022-10-31"),
        ("去年", "2022-01-01", "2022-12-31"),
        ("前年", "2021-01-01", "2021-12-31"),
        ("去年同期", "2022-01-01", "2022-08-31"),
        ("上年同期", "2022-01-01", "2022-08-31"),
        ("今年以来", "2023-01-01", "2023-08-31"),
        ("年初以来", "2023-01-01", "2023-08-31"),
        ("8月以来", "2023-08-01", "2023-08-31"),
        ("2020年以来", "2020-01-01", "2023-08-31"),
        ("从2016年起至今", "2016-01-01", "2023-08-31"),
        ("2022年", "2022-01-01", "2022-12-31"),
        ("二〇二二年", "2022-01-01", "2022-12-31"),
        ("2022年度", "2022-01-01", "2022-12-31"),
        ("全年", "2023-01-01", "2023-12-31"),
        ("年内", "2023-01-01", "2023-12-31"),
        ("今年年内", "2023-01-01", "2023-12-31"),
        ("8月份", "2023-08-01", "2023-08-31"),
        ("7月", "2023-07-01", "2023-07-31"),
        ("2月份", "2023-02-01", "2023-02-28"),
        ("截至8月16日", "2023-01-01", "2023-08-16"),
        ("截至7月底", "2023-01-01", "2023-07-31"),
        ("截至去年底", "2022-01-01", "2022-12-31"),
        ("8月16日至20日", "2023-08-16", "2023-08-20"),
        ("7月下旬", "2023-07-21", "2023-07-31"),
        ("8月上旬", "2023-08-01", "2023-08-10"),
        ("2月中旬", "2023-02-11", "2023-02-20"),
        ("7月28日至8月3日", "2023-07-28", "2023-08-03"),
        ("上月", "2023-07-01", "2023-07-31"),
        ("上个月", "2023-07-01", "2023-07-31"),
        ("本月", "2023-08-01", "2023-08-31"),
        ("近三年", "2020-09-01", "2023-08-31"),
        ("近3年", "2020-09-01", "2023-08-31"),
        ("近6个月", "2023-03-01", "2023-08-31"),
        ("7年来", "2016-09-01", "2023-08-31"),
        ("近30天", "2023-08-02", "2023-08-31"),
    ])
    func resolves(_ phrase: String, _ start: String, _ end: String) {
        #expect(Self.page.resolve(phrase) == DateRange(start: start, end: end))
    }

    /// Phrases that name no span of the calendar.
    @Test(arguments: ["", "目前", "如今", "截至目前", "每年", "每月", "自开赛以来", "党史学习教育开展以来", "近年来", "13月", "前13个月"])
    func leavesVaguePhrasesUnresolved(_ phrase: String) {
        #expect(Self.page.resolve(phrase) == nil)
    }

    @Test func monthsAfterTheEarlyPageDateAreLastYears() {
        let january = PeriodResolver(pageDate: CalendarDay("2024-01-10")!)
        #expect(january.resolve("11月") == DateRange(start: "2023-11-01", end: "2023-11-30"))
        #expect(january.resolve("1-11月") == DateRange(start: "2023-01-01", end: "2023-11-30"))
        #expect(january.resolve("上月") == DateRange(start: "2023-12-01", end: "2023-12-31"))
        #expect(january.resolve("去年") == DateRange(start: "2023-01-01", end: "2023-12-31"))
        // A year said outright is kept, even when it lies ahead.
        #expect(january.resolve("2024年11月") == DateRange(start: "2024-11-01", end: "2024-11-30"))
    }

    @Test func leapYearsHaveTheir29thOfFebruary() {
        let leap = PeriodResolver(pageDate: CalendarDay("2024-03-15")!)
        #expect(leap.resolve("2月份") == DateRange(start: "2024-02-01", end: "2024-02-29"))
        #expect(leap.resolve("前2个月") == DateRange(start: "2024-01-01", end: "2024-02-29"))
    }

    @Test func resolvesTheFactsOfAPassage() throws {
        let extractor = try FactExtractor.bundled()
        let facts = extractor.facts(in: "今年前7个月，岚江市工业增加值同比增长7.4%。岚江市有企业345户。")
        let resolved = Self.page.resolving(facts)
        #expect(resolved.map(\.resolvedPeriod) == [DateRange(start: "2023-01-01", end: "2023-07-31"), nil])
    }
}

struct CalendarDayTests {
    @Test(arguments: [
        ("2023-08-31", 1, "2023-09-01"), ("2023-12-31", 1, "2024-01-01"), ("2024-02-28", 1, "2024-02-29"),
        ("2023-02-28", 1, "2023-03-01"), ("2023-03-01", -1, "2023-02-28"), ("2000-02-29", 366, "2001-03-01"),
        ("2023-01-01", -1, "2022-12-31"), ("1999-12-31", 0, "1999-12-31"),
    ])
    func addsDays(_ day: String, _ count: Int, _ result: String) {
        #expect(CalendarDay(day)?.adding(days: count).description == result)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-00-10", "2023-8-31", "20230831", "", "2023-04-31"])
    func rejectsWhatIsNoDay(_ text: String) {
        #expect(CalendarDay(text) == nil)
    }

    @Test func ordersDays() {
        #expect(CalendarDay("2023-08-31")! < CalendarDay("2023-09-01")!)
        #expect(CalendarDay("2022-12-31")! < CalendarDay("2023-01-01")!)
    }
}
