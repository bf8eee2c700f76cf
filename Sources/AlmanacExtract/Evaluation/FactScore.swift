import AlmanacModel

/// The facts score of SPEC.md: predictions paired one-to-one with gold facts by unit and value
/// (equal text preferred); precision, recall, F1, and over the pairs the accuracy of each field.
public struct FactScore: Sendable {
    /// A gold fact and whether it is optional (paired with a prediction, it counts for neither side).
    public struct Gold: Sendable, Decodable {
        public var fact: Fact
        public var optional: Bool

        public init(fact: Fact, optional: Bool = false) {
            self.fact = fact
            self.optional = optional
        }

        enum CodingKeys: String, CodingKey { case optional }

        public init(from decoder: any Decoder) throws {
            fact = try Fact(from: decoder)
            optional = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .optional) ?? false
        }
    }

    /// A scored pair, for reports of what went wrong.
    public struct Pair: Sendable {
        public var predicted: Fact
        public var gold: Fact
    }

    public private(set) var goldCount = 0
    public private(set) var predictedCount = 0
    public private(set) var matched = 0
    public private(set) var approxRight = 0
    public private(set) var changeRight = 0
    public private(set) var indicatorRight = 0
    public private(set) var periodRight = 0
    public private(set) var placeRight = 0
    /// Predictions paired with no gold fact.
    public private(set) var spurious: [Fact] = []
    /// Required gold facts no prediction paired with.
    public private(set) var missed: [Fact] = []
    /// Every pair with a required gold fact.
    public private(set) var pairs: [Pair] = []

    public init() {}

    public var precision: Double { predictedCount == 0 ? 0 : Double(matched) / Double(predictedCount) }
    public var recall: Double { goldCount == 0 ? 0 : Double(matched) / Double(goldCount) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var approxAccuracy: Double { share(approxRight) }
    public var changeAccuracy: Double { share(changeRight) }
    public var indicatorAccuracy: Double { share(indicatorRight) }
    public var periodAccuracy: Double { share(periodRight) }
    public var placeAccuracy: Double { share(placeRight) }

    private func share(_ count: Int) -> Double { matched == 0 ? 0 : Double(count) / Double(matched) }

    /// Scores the predictions of one page or passage against its gold facts.
    public mutating func add(gold: [Gold], predicted: [Fact]) {
        var goldTaken = [Bool](repeating: false, count: gold.count)
        var pairedGold = [Int?](repeating: nil, count: predicted.count)
        for requireText in [true, false] {
            for (p, prediction) in predicted.enumerated() where pairedGold[p] == nil {
                let candidate = gold.indices.first { g in
                    !goldTaken[g] && Self.agrees(prediction, gold[g].fact)
                        && (!requireText || gold[g].fact.quantity.text == prediction.quantity.text)
                }
                if let candidate {
                    goldTaken[candidate] = true
                    pairedGold[p] = candidate
                }
            }
        }
        goldCount += gold.filter { !$0.optional }.count
        for (g, item) in gold.enumerated() where !goldTaken[g] && !item.optional { missed.append(item.fact) }
        for (p, prediction) in predicted.enumerated() {
            guard let g = pairedGold[p] else {
                predictedCount += 1
                spurious.append(prediction)
                continue
            }
            if gold[g].optional { continue }
            predictedCount += 1
            matched += 1
            let truth = gold[g].fact
            pairs.append(Pair(predicted: prediction, gold: truth))
            if prediction.quantity.approx == truth.quantity.approx { approxRight += 1 }
            if prediction.change == truth.change { changeRight += 1 }
            if Self.overlapF1(prediction.indicator, truth.indicator) >= 0.5 { indicatorRight += 1 }
            if Self.trimmed(prediction.period) == Self.trimmed(truth.period) { periodRight += 1 }
            if Self.placeKey(prediction.place) == Self.placeKey(truth.place) { placeRight += 1 }
        }
    }

    // MARK: - Comparisons

    /// Equal unit and value within 1e-6 relative.
    static func agrees(_ a: Fact, _ b: Fact) -> Bool {
        guard a.quantity.unit == b.quantity.unit else { return false }
        let scale = max(abs(a.quantity.value), abs(b.quantity.value), 1e-12)
        return abs(a.quantity.value - b.quantity.value) / scale <= 1e-6
    }

    /// Character-overlap F1 of two strings (multisets of characters); two empty strings agree fully.
    public static func overlapF1(_ a: String, _ b: String) -> Double {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty && right.isEmpty { return 1 }
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        var counts: [Unicode.Scalar: Int] = [:]
        for scalar in right { counts[scalar, default: 0] += 1 }
        var common = 0
        for scalar in left where (counts[scalar] ?? 0) > 0 {
            counts[scalar, default: 0] -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(left.count)
        let recall = Double(common) / Double(right.count)
        return 2 * precision * recall / (precision + recall)
    }

    static func trimmed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// A place with a trailing 省/市/县/区 dropped (岚江 = 岚江市).
    public static func placeKey(_ place: String) -> String {
        var text = trimmed(place)
        if text.unicodeScalars.count > 1, let last = text.last, "省市县区".contains(last) { text.removeLast() }
        return text
    }
}
