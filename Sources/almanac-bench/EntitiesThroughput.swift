import AlmanacExtract
import ArgumentParser
import Foundation

/// Finds the entities of every file in FILES, line by line, round after round, and prints MB/s.
struct EntitiesThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities", abstract: "Entity recognition throughput in MB/s of text (UTF-8 bytes).")

    @OptionGroup var rounds: RoundOptions

    @Option(help: "The model file (default: the bundled one).")
    var model: String?

    @Flag(help: "Print every line's mentions (kind, start, end, text, name) instead of timing, to compare outputs.")
    var printMentions = false

    @Argument(help: "Text files whose lines are read for entities each round.")
    var files: [String]

    func run() throws {
        let lines = try files.flatMap {
            try String(contentsOfFile: $0, encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        let recognizer =
            try model.map { try EntityRecognizer(modelBytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: $0)))) }
            ?? EntityRecognizer.bundled()
        if printMentions {
            for (index, line) in lines.enumerated() {
                for m in recognizer.mentions(in: line) {
                    print(index, m.kind, m.start, m.end, m.text, m.name, m.project.map { "\($0)" } ?? "-")
                }
            }
            return
        }
        var mentions = 0
        for line in lines { mentions += recognizer.mentions(in: line).count }  // warm-up
        let report = Throughput.measure(bytesPerRound: bytes, options: rounds) {
            var count = 0
            for line in lines { count += recognizer.mentions(in: line).count }
            precondition(count == mentions, "entity recognition is not deterministic")
        }
        print("entities: \(files.count) files, \(bytes) bytes, \(mentions) mentions per round")
        print(report)
    }
}
