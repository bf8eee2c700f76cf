import AlmanacExtract
import ArgumentParser
import Foundation

/// Scores a candidate entity model on (part of) a BIO file, for choosing training options on
/// held-out development data; `almanac eval ner` scores the bundled model.
struct EvalEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-entities", abstract: "Score a model file on the last share of a BIO file.")

    @Option(help: "The model file (default: the bundled one).")
    var model: String?

    @Option(help: "The BIO file.")
    var gold: String

    @Option(help: "Score only this share of sentences, taken from the end (the training hold-out).")
    var lastShare = 1.0

    @Flag(help: "Tagger alone, without the rules.")
    var noRules = false

    @Flag(help: "Print each sentence's misses and false finds.")
    var verbose = false

    func run() throws {
        var recognizer =
            try model.map { try EntityRecognizer(modelBytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
            ?? EntityRecognizer.bundled()
        recognizer.rules = !noRules
        let sentences = NERCorpus.sentences(in: try String(contentsOfFile: gold, encoding: .utf8))
        let part = Array(sentences.suffix(Int(Double(sentences.count) * lastShare)))
        let score = NEREvaluation.score(recognizer, on: part)
        if verbose {
            for sentence in part {
                let scalars = Array(sentence.text.unicodeScalars)
                func show(_ s: NERSpan) -> String {
                    s.type + ":" + String(String.UnicodeScalarView(scalars[s.start..<s.end]))
                }
                let gold = Set(sentence.spans)
                let predicted = Set(
                    recognizer.mentions(in: sentence.text).compactMap { m in
                        NERSpan.type(of: m.kind).map { NERSpan(type: $0, start: m.start, end: m.end) }
                    })
                let missed = gold.subtracting(predicted).map(show)
                let wrong = predicted.subtracting(gold).map(show)
                if !missed.isEmpty || !wrong.isEmpty { print("MISS \(missed) FALSE \(wrong)") }
            }
        }
        for (type, counts) in score.byType.sorted(by: { $0.key < $1.key }) + [("all", score.overall)] {
            print(
                String(
                    format: "%@ P %.3f R %.3f F1 %.3f (gold %d, predicted %d)", type, counts.precision, counts.recall,
                    counts.f1, counts.gold, counts.predicted))
        }
    }
}
