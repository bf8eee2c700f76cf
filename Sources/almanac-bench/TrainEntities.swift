import AlmanacExtract
import ArgumentParser
import Foundation

/// Trains the entity tagger on a BIO corpus and writes `ner.bin` (see scripts/ner/train.sh).
struct TrainEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-entities",
        abstract: "Train the entity tagger (averaged perceptron) on a BIO file; writes the model file.")

    @Option(help: "The BIO training file (one 'char TAG' a line, blank line between sentences).")
    var corpus: String

    @Option(help: "Where to write the model.")
    var output: String

    @Option(help: "Passes over the training sentences.")
    var epochs = 10

    @Option(help: "Share of the corpus (its end) held out to print F1 after each epoch; 0 trains on all.")
    var holdout = 0.0

    @Option(help: "Leave out features seen fewer times than this.")
    var minimumCount = 1

    @Option(help: "Leave out features whose averaged weights are all smaller than this.")
    var minimumWeight: Float = 1e-3

    func run() throws {
        let text = try String(contentsOfFile: corpus, encoding: .utf8)
        var options = TaggerTraining.Options()
        options.epochs = epochs
        options.holdout = holdout
        options.minimumCount = minimumCount
        options.minimumWeight = minimumWeight
        let bytes = try TaggerTraining.train(NERCorpus.sentences(in: text), options: options) { print($0) }
        try Data(bytes).write(to: URL(fileURLWithPath: output))
        print("wrote \(output) (\(bytes.count) bytes)")
    }
}
