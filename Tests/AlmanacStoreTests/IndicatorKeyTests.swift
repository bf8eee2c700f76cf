import AlmanacStore
import Testing

/// The key facts are grouped and looked up by.
struct IndicatorKeyTests {
    @Test(arguments: [
        ("规模以上工业增加值", "规模以上工业增加值"),
        ("规上工业增加值", "规模以上工业增加值"),
        ("规上 工业增加值", "规模以上工业增加值"),
        ("“一带一路”贸易额", "一带一路贸易额"),
        ("ＧＤＰ", "gdp"),
        ("5G基站", "5g基站"),
        ("社会消费品零售总额（限上）", "社会消费品零售总额限上"),
        ("", ""),
    ])
    func keys(indicator: String, key: String) {
        #expect(IndicatorKey.make(indicator) == key)
    }

    @Test func aKeyIsItsOwnKey() {
        for indicator in ["规上工业增加值", "ＧＤＰ增速", "进出口·总额"] {
            let key = IndicatorKey.make(indicator)
            #expect(IndicatorKey.make(key) == key)
        }
    }
}
