import AlmanacText
import ArgumentParser
import Foundation

/// `almanac segment [FILE|-] [--dict FILE]`: words separated by two spaces, one output line per input line.
struct Segment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut Chinese text into words, two spaces between words, one output line per input line.",
        discussion: "Example: almanac segment page.txt --dict names.txt")

    @Argument(help: "A UTF-8 text file, or - (the default) for standard input.")
    var file: String = "-"

    @Option(name: .long, help: "A user lexicon: lines 'word [frequency] [tag]', read at run time.")
    var dict: String?

    func run() async throws {
        let segmenter = try Segmenter.bundled(userLexicon: try loadUserLexicon(dict))
        let input = try readInput(file)
        var output = ""
        output.reserveCapacity(input.utf8.count * 3 / 2)
        for line in SegmentationScore.lines(input) {
            let scalars = line.unicodeScalars.map(\.value)
            var first = true
            for range in segmenter.wordRanges(in: scalars) {
                if !first { output += "  " }
                first = false
                output.unicodeScalars.append(contentsOf: scalars[range].compactMap(Unicode.Scalar.init))
            }
            output += "\n"
            if output.utf8.count > 1 << 20 {
                FileHandle.standardOutput.write(Data(output.utf8))
                output.removeAll(keepingCapacity: true)
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// Reads a user lexicon file, or returns an empty one when no path is given.
func loadUserLexicon(_ path: String?) throws -> UserLexicon {
    guard let path else { return UserLexicon() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read the user lexicon \(path): check the path")
    }
    return try UserLexicon(parsing: String(decoding: data, as: UTF8.self))
}

/// Reads a UTF-8 file, or standard input for "-".
func readInput(_ file: String) throws -> String {
    if file == "-" {
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
    guard let data = FileManager.default.contents(atPath: file) else {
        throw ValidationError("cannot read \(file): check that it exists and is readable")
    }
    return String(decoding: data, as: UTF8.self)
}
