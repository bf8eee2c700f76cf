import AlmanacText
import ArgumentParser
import Foundation

/// `almanac eval segment --gold GOLD RAW`: segments RAW and scores it against GOLD.
struct EvalSegment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segment a raw text and print word precision, recall and F1 against a gold segmentation.",
        discussion: """
            Example: almanac eval segment --gold ../shared/eval/segmentation/pku_test_gold.utf8 \\
                ../shared/eval/segmentation/pku_test.utf8
            """)

    @Option(help: "The gold segmentation: one line per raw line, words separated by spaces.")
    var gold: String

    @Argument(help: "The raw text to segment, one sentence or paragraph per line.")
    var raw: String

    @Option(name: .long, help: "A user lexicon: lines 'word [frequency] [tag]'.")
    var dict: String?

    @Flag(help: "Print the score as JSON.")
    var json = false

    func run() async throws {
        let segmenter = try Segmenter.bundled(userLexicon: try loadUserLexicon(dict))
        let goldLines = SegmentationScore.lines(try readInput(gold))
        let rawLines = SegmentationScore.lines(try readInput(raw))
        guard goldLines.count == rawLines.count else {
            throw InputError(
                "gold has \(goldLines.count) lines but raw has \(rawLines.count): pair the right files")
        }
        var score = SegmentationScore()
        for (goldLine, rawLine) in zip(goldLines, rawLines) {
            let words = segmenter.words(in: String(rawLine))
            score.add(gold: goldLine, predicted: Substring(words.joined(separator: "  ")))
        }
        if json {
            let object: [String: Any] = [
                "precision": score.precision, "recall": score.recall, "f1": score.f1,
                "gold_words": score.goldWords, "predicted_words": score.predictedWords,
                "correct_words": score.correctWords,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(String(format: "precision %.4f  recall %.4f  F1 %.4f", score.precision, score.recall, score.f1))
            print("gold words \(score.goldWords)  predicted \(score.predictedWords)  correct \(score.correctWords)")
        }
    }
}
