import AlmanacModel

/// Scores rebuilt articles against layout gold (SPEC.md "Scoring", layout).
///
/// Articles are paired by headline: equal once white space is removed, else the best character
/// overlap (Dice coefficient over character multisets) of at least `minimumOverlap`. Over the pairs
/// it counts `must_contain` found and `must_not_contain` present in the body, `first_words` and
/// `last_words` at the body's start and end, and bylines, captions and photographers as sets; over
/// the page's whole output, paragraphs of 20 or more characters printed twice.
public struct LayoutScorer: Sendable {
    public static let minimumOverlap = 0.8
    public static let duplicateLength = 20

    public init() {}

    /// The scores of one page's predicted articles against its gold.
    public func score(gold: LayoutGoldPage, predicted: [Article]) -> LayoutScore {
        var s = LayoutScore(page: gold.page)
        s.goldArticles = gold.articles.count
        s.predictedArticles = predicted.count
        let pairs = pair(gold.articles, predicted)
        s.pairs = pairs.count
        var pairedGold = Set<Int>()
        var pairedPredicted = Set<Int>()
        for (g, p) in pairs {
            pairedGold.insert(g)
            pairedPredicted.insert(p)
            check(gold.articles[g], predicted[p], into: &s)
        }
        for (g, article) in gold.articles.enumerated() where !pairedGold.contains(g) {
            s.problems.append("missing article: \(article.headline)")
        }
        for (p, article) in predicted.enumerated() where !pairedPredicted.contains(p) {
            s.problems.append("extra article: \(article.headline)")
        }
        s.duplicateParagraphs = duplicates(in: predicted)
        return s
    }

    // MARK: - Pairing

    /// Pairs of (gold index, predicted index): exact headlines first, then the best overlaps.
    func pair(_ gold: [LayoutGoldArticle], _ predicted: [Article]) -> [(Int, Int)] {
        let goldKeys = gold.map { Self.squeezed($0.headline) }
        let predictedKeys = predicted.map { Self.squeezed($0.headline) }
        var usedPredicted = Set<Int>()
        var result: [(Int, Int)] = []
        var open: [Int] = []
        for (g, key) in goldKeys.enumerated() {
            if let p = predictedKeys.indices.first(where: { !usedPredicted.contains($0) && predictedKeys[$0] == key }) {
                usedPredicted.insert(p)
                result.append((g, p))
            } else {
                open.append(g)
            }
        }
        var candidates: [(overlap: Double, g: Int, p: Int)] = []
        for g in open {
            for p in predictedKeys.indices where !usedPredicted.contains(p) {
                let overlap = Self.overlap(goldKeys[g], predictedKeys[p])
                if overlap >= Self.minimumOverlap { candidates.append((overlap, g, p)) }
            }
        }
        var usedGold = Set<Int>()
        for c in candidates.sorted(by: { $0.overlap > $1.overlap })
        where !usedGold.contains(c.g) && !usedPredicted.contains(c.p) {
            usedGold.insert(c.g)
            usedPredicted.insert(c.p)
            result.append((c.g, c.p))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// Dice coefficient over the two strings' character multisets.
    static func overlap(_ a: String, _ b: String) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 1 }
        var counts: [Character: Int] = [:]
        for ch in a { counts[ch, default: 0] += 1 }
        var common = 0
        for ch in b where (counts[ch] ?? 0) > 0 {
            counts[ch, default: 0] -= 1
            common += 1
        }
        return 2 * Double(common) / Double(total)
    }

    // MARK: - Checks

    private func check(_ g: LayoutGoldArticle, _ p: Article, into s: inout LayoutScore) {
        let body = Self.squeezed(p.body)
        let label = g.headline
        for needle in g.mustContain {
            s.mustContainTotal += 1
            if body.contains(Self.squeezed(needle)) {
                s.mustContainFound += 1
            } else {
                s.problems.append("[\(label)] must_contain missed: \(needle)")
            }
        }
        for needle in g.mustNotContain where body.contains(Self.squeezed(needle)) {
            s.mustNotContainPresent += 1
            s.problems.append("[\(label)] must_not_contain present: \(needle)")
        }
        if !g.firstWords.isEmpty {
            s.firstWordsTotal += 1
            if body.hasPrefix(Self.squeezed(g.firstWords)) {
                s.firstWordsFound += 1
            } else {
                s.problems.append("[\(label)] first_words: want \(g.firstWords), body starts \(body.prefix(16))")
            }
        }
        if !g.lastWords.isEmpty {
            s.lastWordsTotal += 1
            if body.hasSuffix(Self.squeezed(g.lastWords)) {
                s.lastWordsFound += 1
            } else {
                s.problems.append("[\(label)] last_words: want \(g.lastWords), body ends \(body.suffix(16))")
            }
        }
        s.bylines = s.bylines + compare(g.bylines, p.bylines, "bylines", label, &s.problems)
        s.captions = s.captions + compare(g.captions, p.captions, "captions", label, &s.problems)
        s.photographers =
            s.photographers + compare(g.photographers, p.photographers, "photographers", label, &s.problems)
    }

    private func compare(
        _ gold: [String], _ predicted: [String], _ field: String, _ label: String,
        _ problems: inout [String]
    ) -> SetAgreement {
        let g = Set(gold.map(Self.squeezed))
        let p = Set(predicted.map(Self.squeezed))
        var a = SetAgreement()
        a.common = g.intersection(p).count
        a.gold = g.count
        a.predicted = p.count
        a.pairs = 1
        a.equalSets = g == p ? 1 : 0
        if g != p { problems.append("[\(label)] \(field): want \(gold.sorted()), got \(predicted.sorted())") }
        return a
    }

    /// Paragraphs of at least `duplicateLength` characters printed more than once on the page.
    func duplicates(in articles: [Article]) -> Int {
        var seen = Set<String>()
        var count = 0
        for article in articles {
            for paragraph in article.paragraphs {
                let key = Self.squeezed(String(paragraph))
                guard key.count >= Self.duplicateLength else { continue }
                if !seen.insert(key).inserted { count += 1 }
            }
        }
        return count
    }

    /// The text with all white space removed.
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }
}
