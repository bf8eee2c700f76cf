import AlmanacExtract
import ArgumentParser
import Foundation

/// Extracts the facts of every file in FILES (read as passages), round after round, and prints MB/s.
struct ExtractThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: "Fact extraction throughput in MB/s of text (UTF-8 bytes).")

    @OptionGroup var rounds: RoundOptions

    @Argument(help: "Text files to extract facts from each round.")
    var files: [String]

    func run() throws {
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8).scalarValuesForBench }
        let bytes = try files.reduce(0) { $0 + (try Data(contentsOf: URL(fileURLWithPath: $1)).count) }
        let extractor = try FactExtractor.bundled()
        var facts = 0
        for text in texts { facts += extractor.facts(in: text).count }  // warm-up
        let report = Throughput.measure(bytesPerRound: bytes, options: rounds) {
            var count = 0
            for text in texts { count += extractor.facts(in: text).count }
            precondition(count == facts, "extraction is not deterministic")
        }
        print("extract: \(files.count) files, \(bytes) bytes, \(facts) facts per round")
        print(report)
    }
}

extension String {
    fileprivate var scalarValuesForBench: [UInt32] { unicodeScalars.map(\.value) }
}
