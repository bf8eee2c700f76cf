/// Named-entity precision, recall and F1 by exact span and type (conlleval), per type and overall.
public struct NERScore: Sendable, Equatable {
    /// Counts for one type (or all types).
    public struct Counts: Sendable, Equatable, Codable {
        public var gold = 0
        public var predicted = 0
        public var correct = 0

        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        public var f1: Double {
            let p = precision
            let r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public private(set) var overall = Counts()
    public private(set) var byType: [String: Counts] = [:]
    public private(set) var sentences = 0

    public init() {}

    /// Adds one sentence's gold and predicted spans.
    public mutating func add(gold: [NERSpan], predicted: [NERSpan]) {
        sentences += 1
        let goldSet = Set(gold)
        for span in gold {
            byType[span.type, default: Counts()].gold += 1
            overall.gold += 1
        }
        for span in Set(predicted) {
            byType[span.type, default: Counts()].predicted += 1
            overall.predicted += 1
            if goldSet.contains(span) {
                byType[span.type, default: Counts()].correct += 1
                overall.correct += 1
            }
        }
    }
}
