import AlmanacExtract
import ArgumentParser
import Foundation

/// `almanac eval ner --gold FILE`: entity precision, recall and F1 against a BIO file.
struct EvalNER: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Find the entities of a BIO file's sentences and score them (conlleval: exact span and type).",
        discussion: """
            The gold file has one character and its tag (O, B-PER, I-LOC, B-ORG …) per line and a blank \
            line between sentences. Persons, places and organisations are scored; projects are not. \
            Example: almanac eval ner --gold ../shared/eval/ner/peoples_daily_test_bio.txt
            """)

    @Option(help: "The gold BIO file.")
    var gold: String

    @Flag(help: "Print the score as JSON.")
    var json = false

    func run() async throws {
        let sentences = NERCorpus.sentences(in: try readInput(gold))
        guard !sentences.isEmpty else { throw InputError("\(gold) holds no tagged sentence: is it a BIO file?") }
        let recognizer = try EntityRecognizer.bundled()
        let score = NEREvaluation.score(recognizer, on: sentences)
        let rows = score.byType.sorted { $0.key < $1.key } + [("overall", score.overall)]
        if json {
            var object: [String: Any] = ["sentences": score.sentences]
            for (type, counts) in rows {
                object[type] = [
                    "precision": counts.precision, "recall": counts.recall, "f1": counts.f1, "gold": counts.gold,
                    "predicted": counts.predicted, "correct": counts.correct,
                ]
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print("sentences \(score.sentences)")
            for (type, counts) in rows {
                print(
                    String(
                        format: "%-8@ precision %.4f  recall %.4f  F1 %.4f  (gold %d, predicted %d, correct %d)",
                        type, counts.precision, counts.recall, counts.f1, counts.gold, counts.predicted, counts.correct))
            }
        }
    }
}
