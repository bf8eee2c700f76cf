import Almanac
import AlmanacExtract
import AlmanacLayout
import AlmanacModel
import ArgumentParser
import Foundation

/// `almanac extract [FILE|-] [--page]`: facts as JSON Lines, one line per figure.
struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every figure of a passage as a fact (JSON Lines): value, unit, indicator, change, period, place.",
        discussion: """
            The input is a passage of prose; offsets count its Unicode scalars. With --page the input \
            is a raw page: its articles are rebuilt first and each body fact carries "seq", the \
            article's sequence number, with offsets into that article's body.
            Example: almanac extract --page ../shared/seeds/000_2b5984b6753f43c2.txt
            """)

    @Argument(help: "A UTF-8 or GB18030 text file, or - (the default) for standard input.")
    var file: String = "-"

    @Flag(help: "Read the input as a raw page: rebuild its articles first.")
    var page = false

    @OptionGroup var decoding: EncodingOptions

    func run() async throws {
        let text: String
        if file == "-" {
            text = try PageReader(encoding: decoding.encoding).decode(
                FileHandle.standardInput.readDataToEndOfFile(), path: "-")
        } else {
            text = try PageReader(encoding: decoding.encoding).read(path: file).text
        }
        let extractor = try FactExtractor.bundled()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        if page {
            let stems = extractor.placeStems(in: text)
            for article in PageLayout().articles(in: text) {
                for (part, fact) in extractor.facts(in: article, pageStems: stems) where part == .body {
                    output += String(decoding: try encoder.encode(fact), as: UTF8.self) + "\n"
                }
            }
        } else {
            for fact in extractor.facts(in: text) {
                output += String(decoding: try encoder.encode(fact), as: UTF8.self) + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
