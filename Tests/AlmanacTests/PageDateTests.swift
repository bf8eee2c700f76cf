import Almanac
import Testing

struct PageDateTests {
    @Test(arguments: [
        ("2023-08-31_page1.txt", "2023-08-31"),
        ("lanjiang_20240514_03.txt", "2024-05-14"),
        ("2024_02_29.txt", "2024-02-29"),
        ("daily.2019.12.01.a.txt", "2019-12-01"),
    ])
    func findsTheDate(name: String, expected: String) {
        #expect(PageDate.fromFileName(name) == expected)
    }

    @Test(arguments: [
        "000_2b5984b6753f43c2.txt", "2023-02-30.txt", "2023-13-01.txt", "120230831.txt", "2023-0831.txt", "page.txt",
    ])
    func findsNoDate(name: String) {
        #expect(PageDate.fromFileName(name) == nil)
    }
}
