import AlmanacExtract
import AlmanacModel
import ArgumentParser
import Foundation

/// `almanac entities [FILE|-]`: the named things of each input line, one JSON line per input line.
struct Entities: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the organisations, places, people and projects of a text, one JSON line per input line.",
        discussion: """
            Each output line is {"line": N, "entities": [{"text", "kind", "start", "end"}…]} (SPEC.md), \
            offsets in Unicode scalars of the input line; a short form a text defines carries "name", its \
            full name, and a project carries "project": {investment, stage, place}. \
            Example: echo '岚江钢铁有限公司（以下简称“岚钢”）…' | almanac entities
            """)

    @Argument(help: "A UTF-8 text file, or - (the default) for standard input.")
    var file: String = "-"

    func run() async throws {
        let recognizer = try EntityRecognizer.bundled()
        let text = try readInput(file)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        var output = ""
        for (index, line) in lines.enumerated() {
            let content = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            let record = EntitiesLine(line: index + 1, entities: recognizer.mentions(in: content))
            output += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
            if output.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output = ""
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// One output line of `almanac entities`.
struct EntitiesLine: Encodable {
    let line: Int
    let entities: [Mention]
}
