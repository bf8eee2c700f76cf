/// Counts behind a set comparison (bylines, captions, photographers) over paired articles.
public struct SetAgreement: Sendable, Encodable, Equatable {
    /// Names or captions both in the prediction and the gold.
    public var common = 0
    public var predicted = 0
    public var gold = 0
    /// Pairs whose sets are equal.
    public var equalSets = 0
    public var pairs = 0

    public init() {}

    public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(common) / Double(predicted) }
    public var recall: Double { gold == 0 ? (predicted == 0 ? 1 : 0) : Double(common) / Double(gold) }
    /// Micro F1 over the set elements; 1 when both sides are empty throughout.
    public var f1: Double { LayoutScore.f1(precision, recall) }
    /// Share of pairs whose sets are equal.
    public var equalShare: Double { pairs == 0 ? 1 : Double(equalSets) / Double(pairs) }

    static func + (a: SetAgreement, b: SetAgreement) -> SetAgreement {
        var s = SetAgreement()
        s.common = a.common + b.common
        s.predicted = a.predicted + b.predicted
        s.gold = a.gold + b.gold
        s.equalSets = a.equalSets + b.equalSets
        s.pairs = a.pairs + b.pairs
        return s
    }

    private enum CodingKeys: String, CodingKey {
        case common, predicted, gold, equalSets = "equal_sets", pairs, precision, recall, f1
        case equalShare = "equal_share"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(common, forKey: .common)
        try c.encode(predicted, forKey: .predicted)
        try c.encode(gold, forKey: .gold)
        try c.encode(equalSets, forKey: .equalSets)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
        try c.encode(equalShare, forKey: .equalShare)
    }
}

/// Layout scores of one page, or summed over pages (SPEC.md "Scoring", layout).
public struct LayoutScore: Sendable, Encodable {
    public var page: String
    public var goldArticles = 0
    public var predictedArticles = 0
    public var pairs = 0
    public var mustContainFound = 0
    public var mustContainTotal = 0
    /// `must_not_contain` strings found in paired bodies: should be 0.
    public var mustNotContainPresent = 0
    public var firstWordsFound = 0
    public var firstWordsTotal = 0
    public var lastWordsFound = 0
    public var lastWordsTotal = 0
    public var bylines = SetAgreement()
    public var captions = SetAgreement()
    public var photographers = SetAgreement()
    /// Paragraphs of 20 or more characters printed a second (third …) time in the page's output.
    public var duplicateParagraphs = 0
    /// What went wrong, one line each: unpaired articles, missed strings.
    public var problems: [String] = []

    public init(page: String) { self.page = page }

    public var precision: Double { predictedArticles == 0 ? 0 : Double(pairs) / Double(predictedArticles) }
    public var recall: Double { goldArticles == 0 ? 0 : Double(pairs) / Double(goldArticles) }
    public var f1: Double { Self.f1(precision, recall) }
    public var mustContainShare: Double { share(mustContainFound, mustContainTotal) }
    public var firstWordsShare: Double { share(firstWordsFound, firstWordsTotal) }
    public var lastWordsShare: Double { share(lastWordsFound, lastWordsTotal) }

    private func share(_ found: Int, _ total: Int) -> Double { total == 0 ? 1 : Double(found) / Double(total) }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    /// The sum of page scores, named `name`.
    public static func total(_ scores: [LayoutScore], name: String = "overall") -> LayoutScore {
        var t = LayoutScore(page: name)
        for s in scores {
            t.goldArticles += s.goldArticles
            t.predictedArticles += s.predictedArticles
            t.pairs += s.pairs
            t.mustContainFound += s.mustContainFound
            t.mustContainTotal += s.mustContainTotal
            t.mustNotContainPresent += s.mustNotContainPresent
            t.firstWordsFound += s.firstWordsFound
            t.firstWordsTotal += s.firstWordsTotal
            t.lastWordsFound += s.lastWordsFound
            t.lastWordsTotal += s.lastWordsTotal
            t.bylines = t.bylines + s.bylines
            t.captions = t.captions + s.captions
            t.photographers = t.photographers + s.photographers
            t.duplicateParagraphs += s.duplicateParagraphs
        }
        return t
    }

    private enum CodingKeys: String, CodingKey {
        case page, goldArticles = "gold_articles", predictedArticles = "predicted_articles", pairs
        case precision, recall, f1
        case mustContainFound = "must_contain_found", mustContainTotal = "must_contain_total"
        case mustContainShare = "must_contain", mustNotContainPresent = "must_not_contain_present"
        case firstWords = "first_words", lastWords = "last_words"
        case bylines, captions, photographers
        case duplicateParagraphs = "duplicate_paragraphs", problems
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encode(goldArticles, forKey: .goldArticles)
        try c.encode(predictedArticles, forKey: .predictedArticles)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(f1, forKey: .f1)
        try c.encode(mustContainFound, forKey: .mustContainFound)
        try c.encode(mustContainTotal, forKey: .mustContainTotal)
        try c.encode(mustContainShare, forKey: .mustContainShare)
        try c.encode(mustNotContainPresent, forKey: .mustNotContainPresent)
        try c.encode(firstWordsShare, forKey: .firstWords)
        try c.encode(lastWordsShare, forKey: .lastWords)
        try c.encode(bylines, forKey: .bylines)
        try c.encode(captions, forKey: .captions)
        try c.encode(photographers, forKey: .photographers)
        try c.encode(duplicateParagraphs, forKey: .duplicateParagraphs)
        if !problems.isEmpty { try c.encode(problems, forKey: .problems) }
    }
}
