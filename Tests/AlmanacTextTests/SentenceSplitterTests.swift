import Testing

@testable import AlmanacText

struct SentenceSplitterTests {
    @Test(arguments: [
        ("今天下雨。明天晴！后天呢？", ["今天下雨。", "明天晴！", "后天呢？"]),
        ("他说：“项目已经开工。今年完成。”记者随后离开。", ["他说：“项目已经开工。今年完成。”", "记者随后离开。"]),
        ("贷款6.43亿元。增长7.4%。", ["贷款6.43亿元。", "增长7.4%。"]),
        ("一是扩大投资；二是稳定就业。", ["一是扩大投资；", "二是稳定就业。"]),
        ("等等……然后呢", ["等等……", "然后呢"]),
        ("Wait! Go on. 好的。", ["Wait!", "Go on.", "好的。"]),
        ("第一行\n第二行", ["第一行", "第二行"]),
        ("（详见第3版。）下文", ["（详见第3版。）", "下文"]),
        ("（注：数据。）", ["（注：数据。）"]),
        ("“未闭合的引号。\n下一行。", ["“未闭合的引号。", "下一行。"]),
        ("  前后空格。  ", ["前后空格。"]),
        ("版本v1.2.3发布了。", ["版本v1.2.3发布了。"]),
        ("", []),
    ])
    func splits(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.sentences(in: text).map(\.text) == expected)
    }

    @Test func rangesCountScalars() {
        let sentences = SentenceSplitter.sentences(in: "甲。 乙丙。")
        #expect(sentences.map(\.range) == [0..<2, 3..<6])
    }
}
