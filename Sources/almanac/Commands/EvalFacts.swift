import Almanac
import AlmanacExtract
import AlmanacLayout
import AlmanacModel
import ArgumentParser
import Foundation

/// `almanac eval facts --gold GOLD PAGES…`: extract facts from pages and score them.
struct EvalFacts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facts",
        abstract: "Extract facts from pages and print precision, recall, F1 and field accuracies against gold facts.",
        discussion: """
            Pages go through layout first; facts are read from each article's headline, subheadline, \
            captions and body. --no-layout reads each page as one passage instead (for measuring \
            extraction alone). Pages are matched to gold lines by file name.
            Example: almanac eval facts --gold ../shared/eval/facts.jsonl ../shared/seeds/*.txt
            """)

    @Option(help: "The gold facts: one JSON line per page with its id, source and facts.")
    var gold: String

    @Argument(help: "The page files to score.")
    var pages: [String]

    @Flag(name: .customLong("no-layout"), help: "Read each page as one passage, without rebuilding articles.")
    var noLayout = false

    @Flag(help: "Print the score as JSON.")
    var json = false

    @Flag(help: "List missed, spurious and wrongly described facts on standard error.")
    var verbose = false

    @OptionGroup var decoding: EncodingOptions

    func validate() throws {
        if pages.isEmpty { throw ValidationError("name at least one page file") }
    }

    private struct GoldPage: Decodable {
        var id: String
        var source: String?
        var facts: [FactScore.Gold]
    }

    func run() async throws {
        let decoder = JSONDecoder()
        var goldPages: [String: [FactScore.Gold]] = [:]
        for line in try readInput(gold).split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            let page = try decoder.decode(GoldPage.self, from: Data(line.utf8))
            goldPages[((page.source ?? page.id) as NSString).lastPathComponent] = page.facts
        }
        let extractor = try FactExtractor.bundled()
        let reader = PageReader(encoding: decoding.encoding)
        var score = FactScore()
        for path in pages {
            let page = try reader.read(path: path)
            guard let goldFacts = goldPages[page.name] else {
                printError("no gold facts for \(page.name): skipped")
                continue
            }
            let predicted: [Fact]
            if noLayout {
                predicted = extractor.facts(in: page.text)
            } else {
                let articles = PageLayout().articles(in: page.text)
                let stems = extractor.placeStems(in: page.text)
                predicted = articles.flatMap { extractor.facts(in: $0, pageStems: stems).map(\.fact) }
            }
            score.add(gold: goldFacts, predicted: predicted)
        }
        if verbose { report(score) }
        if json {
            let object: [String: Any] = [
                "precision": score.precision, "recall": score.recall, "f1": score.f1,
                "gold": score.goldCount, "predicted": score.predictedCount, "matched": score.matched,
                "approx": score.approxAccuracy, "change": score.changeAccuracy,
                "indicator": score.indicatorAccuracy, "period": score.periodAccuracy, "place": score.placeAccuracy,
                "layout": !noLayout,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(
                String(
                    format: "precision %.4f  recall %.4f  F1 %.4f  (gold %d, predicted %d, matched %d)",
                    score.precision, score.recall, score.f1, score.goldCount, score.predictedCount, score.matched))
            print(
                String(
                    format: "approx %.4f  change %.4f  indicator %.4f  period %.4f  place %.4f",
                    score.approxAccuracy, score.changeAccuracy, score.indicatorAccuracy, score.periodAccuracy,
                    score.placeAccuracy))
        }
    }

    private func report(_ score: FactScore) {
        for fact in score.missed { printError("MISSED   \(fact.quantity.text) \(fact.quantity.unit)  | \(fact.sentence)") }
        for fact in score.spurious { printError("SPURIOUS \(fact.quantity.text) \(fact.quantity.unit)  | \(fact.sentence)") }
        for pair in score.pairs {
            let p = pair.predicted
            let g = pair.gold
            var wrong: [String] = []
            if p.quantity.approx != g.quantity.approx { wrong.append("approx \(p.quantity.approx)≠\(g.quantity.approx)") }
            if p.change != g.change { wrong.append("change \(p.change ?? "nil")≠\(g.change ?? "nil")") }
            if FactScore.overlapF1(p.indicator, g.indicator) < 0.5 { wrong.append("indicator \(p.indicator)≠\(g.indicator)") }
            if p.period != g.period { wrong.append("period \(p.period)≠\(g.period)") }
            if FactScore.placeKey(p.place) != FactScore.placeKey(g.place) { wrong.append("place \(p.place)≠\(g.place)") }
            if !wrong.isEmpty { printError("FIELD    \(p.quantity.text): " + wrong.joined(separator: "; ") + "  | \(p.sentence)") }
        }
    }
}
