import Almanac
import AlmanacLayout
import Foundation
import Testing

/// The demo pages (our own, about an invented city) rebuilt end to end: reading, decoding and layout,
/// scored against their gold with the same scorer `almanac eval layout` uses.
struct DemoPagesTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../demo").standardized

    static func scores() throws -> LayoutScore {
        let gold = try LayoutGoldPage.load(path: demo.appendingPathComponent("gold/layout.jsonl").path)
        #expect(gold.count >= 6)
        let scorer = LayoutScorer()
        let pages = try gold.map { goldPage in
            let page = try PageReader().read(path: demo.appendingPathComponent("pages/\(goldPage.page)").path)
            return scorer.score(gold: goldPage, predicted: PageLayout().articles(in: page.text))
        }
        return LayoutScore.total(pages)
    }

    @Test func demoPagesMeetTheLayoutBars() throws {
        let total = try Self.scores()
        #expect(total.f1 >= 0.95)
        #expect(total.mustContainShare >= 0.95)
        #expect(total.mustNotContainPresent == 0)
        #expect(total.duplicateParagraphs == 0)
        #expect(total.firstWordsShare >= 0.9)
        #expect(total.lastWordsShare >= 0.9)
        #expect(total.bylines.f1 >= 0.9)
        #expect(total.captions.f1 >= 0.9)
    }
}
