import Almanac
import Testing

struct PageDateTests {
    @Test(arguments: [
        ("2023-08-31_page1.txt", "2023-08-31"),
        ("lanjiang_20240514_03.txt", "2024-05-14"),
        ("2024_02_29.txt", "2024-02-29"),
        ("daily.2019.12.01.a.txt", "2019-12-01"),
        ("scan-2023-02-30_then_2023-03-01.txt", "2023-03-01"),
        ("19991231", "1999-12-31"),
    ])
    func findsTheDate(name: String, expected: String) {
        #expect(PageDate.fromFileName(name) == expected)
    }

    @Test(arguments: [
        "000_2b5984b6753f43c2.txt", "2023-02-30.txt", "2023-13-01.txt", "120230831.txt", "2023-0831.txt", "page.txt",
        "2023.08-31.txt", "2023083100.txt", "1899-12-31.txt", "2023-08-3",
    ])
    func findsNoDate(name: String) {
        #expect(PageDate.fromFileName(name) == nil)
    }

    /// Given beats the file name, the file name beats the text; only the text's date is `inferred`.
    @Test func theDateIsGivenElseNamedElseInferred() throws {
        let text = "岚江日报 2024年5月14日 星期二\n\n# 标题\n\n正文。"
        let given = try #require(PageDate.decide(given: "2024-06-01", fileName: "2024-05-20_p1.txt", text: text))
        #expect(given.date == "2024-06-01" && given.source == .given && given.estimate == nil)
        let named = try #require(PageDate.decide(given: nil, fileName: "2024-05-20_p1.txt", text: text))
        #expect(named.date == "2024-05-20" && named.source == .given)
        let inferred = try #require(PageDate.decide(given: nil, fileName: "page.txt", text: text))
        #expect(inferred.date == "2024-05-14" && inferred.source == .inferred && inferred.estimate != nil)
        #expect(PageDate.decide(given: nil, fileName: nil, text: "没有日期的正文。") == nil)
    }
}
