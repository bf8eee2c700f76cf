import AlmanacModel
import Foundation
import Testing

@testable import Almanac

struct LayoutScorerTests {
    let gold = LayoutGoldPage(
        page: "p.txt",
        articles: [
            LayoutGoldArticle(
                headline: "青川开通夜间公交", bylines: ["江涛"], captions: ["公交车驶出站台。"],
                mustContain: ["覆盖火车站和夜市", "发车间隔20分钟"], mustNotContain: ["本报记者 江涛 摄"],
                firstWords: "近日,青川", lastWords: "间隔20分钟。"),
            LayoutGoldArticle(headline: "老街改造完工", bylines: ["唐宁", "许可"], mustContain: ["拓宽至12米"]),
            LayoutGoldArticle(headline: "湖畔秋色", mustContain: ["层林尽染"]),
        ])

    @Test func scoresAPartlyRightPage() {
        let repeated = "改造后的街道拓宽至12米,新增停车位80个。"
        let predicted = [
            Article(
                seq: 1, headline: "青川开通 夜间公交", bylines: ["江涛"], captions: ["公交车驶出站台。"],
                body: "近日,青川首条夜间公交开通,覆盖火车站和 夜市。\n发车间隔20分钟。"),
            Article(seq: 2, headline: "老街改造工程完工", bylines: ["唐宁"], body: "\(repeated)\n\(repeated)"),
            Article(seq: 3, headline: "另一篇", body: "本报记者 江涛 摄"),
        ]
        let s = LayoutScorer().score(gold: gold, predicted: predicted)
        #expect(s.pairs == 2)
        #expect(abs(s.precision - 2.0 / 3.0) < 1e-9)
        #expect(abs(s.recall - 2.0 / 3.0) < 1e-9)
        #expect(s.mustContainFound == 3 && s.mustContainTotal == 3)
        #expect(s.mustNotContainPresent == 0)
        #expect(s.firstWordsFound == 1 && s.lastWordsFound == 1)
        #expect(s.bylines.common == 2 && s.bylines.gold == 3 && s.bylines.predicted == 2)
        #expect(s.bylines.equalSets == 1)
        #expect(s.captions.f1 == 1)
        #expect(s.duplicateParagraphs == 1)
        #expect(s.problems.contains("missing article: 湖畔秋色"))
        #expect(s.problems.contains("extra article: 另一篇"))
    }

    @Test func overlapPairsNearHeadlinesOnly() {
        #expect(LayoutScorer.overlap("老街改造完工", "老街改造工程完工") >= LayoutScorer.minimumOverlap)
        #expect(LayoutScorer.overlap("老街改造完工", "湖畔秋色") < LayoutScorer.minimumOverlap)
    }

    @Test func decodesGoldLines() throws {
        let line = """
            {"page": "p.txt", "articles": [{"headline": "甲", "bylines": ["乙丙"], "must_contain": ["丁"],
            "must_not_contain": [], "paragraphs_dup": 1, "first_words": "戊", "last_words": "己", "note": "x"}]}
            """.replacingOccurrences(of: "\n", with: " ")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("layout-gold-\(UUID()).jsonl")
        try (line + "\n\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let pages = try LayoutGoldPage.load(path: url.path)
        #expect(pages.count == 1)
        #expect(pages[0].articles[0].mustContain == ["丁"])
        #expect(pages[0].articles[0].paragraphsDup == 1)
        #expect(pages[0].articles[0].kind == "news")
    }

    @Test func totalsAddUp() {
        let s = LayoutScorer().score(gold: gold, predicted: [])
        let t = LayoutScore.total([s, s])
        #expect(t.goldArticles == 6 && t.pairs == 0 && t.f1 == 0)
    }
}
