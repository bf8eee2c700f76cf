import AlmanacModel
import Testing

@testable import AlmanacExtract

struct FactScoreTests {
    private func fact(_ text: String, _ value: Double, _ unit: String, place: String = "", indicator: String = "")
        -> Fact
    {
        Fact(
            quantity: Quantity(start: 0, end: 0, text: text, value: value, unit: unit), indicator: indicator,
            place: place)
    }

    @Test func pairsByUnitAndValueAndSkipsOptionalGold() {
        var score = FactScore()
        score.add(
            gold: [
                .init(fact: fact("6.43亿元", 643_000_000, "元", place: "岚江", indicator: "担保贷款")),
                .init(fact: fact("九大", 9, "个"), optional: true),
                .init(fact: fact("20次", 20, "次")),
            ],
            predicted: [
                fact("6.43亿元", 643_000_000, "元", place: "岚江市", indicator: "贷款"),
                fact("九个", 9, "个"),
                fact("3户", 3, "户"),
            ])
        #expect(score.matched == 1)
        #expect(score.predictedCount == 2)
        #expect(score.goldCount == 2)
        #expect(score.placeAccuracy == 1)
        #expect(score.indicatorAccuracy == 1)
    }

    @Test(arguments: [
        ("担保贷款", "担保贷款", 1.0),
        ("问题", "协调解决问题", 0.5),
        ("", "", 1.0),
        ("产值", "", 0.0),
    ])
    func overlapF1(_ a: String, _ b: String, _ expected: Double) {
        #expect(abs(FactScore.overlapF1(a, b) - expected) < 1e-9)
    }
}
