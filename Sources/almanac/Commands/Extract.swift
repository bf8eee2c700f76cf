import Almanac
import AlmanacExtract
import AlmanacLayout
import AlmanacModel
import ArgumentParser
import Foundation

/// `almanac extract [FILE|-] [--page]`: facts as JSON Lines, one line per figure.
struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Print every figure of a passage as a fact (JSON Lines): value, unit, indicator, change, period, place.",
        discussion: """
            The input is a passage of prose; offsets count its Unicode scalars. With --page the input \
            is a raw page: its articles are rebuilt first and each body fact carries "seq", the \
            article's sequence number, with offsets into that article's body.
            With --date (or, for a page, a date in the file name or one inferred from the text, \
            reported on standard error) each fact whose period resolves carries period_start and \
            period_end.
            Example: almanac extract --page ../shared/seeds/000_2b5984b6753f43c2.txt
            """)

    @Argument(help: "A UTF-8 or GB18030 text file, or - (the default) for standard input.")
    var file: String = "-"

    @Flag(help: "Read the input as a raw page: rebuild its articles first.")
    var page = false

    @Option(
        help: ArgumentHelp(
            "The page's date, YYYY-MM-DD: period phrases resolve against it (period_start, period_end).",
            discussion: "With --page and no --date, a date in the file name is used, else one inferred from the text."))
    var date: String?

    @OptionGroup var decoding: EncodingOptions

    func validate() throws {
        if let date, CalendarDay(date) == nil {
            throw ValidationError("--date takes a calendar day written YYYY-MM-DD, such as 2023-08-31")
        }
    }

    /// The date periods resolve against: --date, else (for a page) the file name's date or the text's.
    private func pageDate(of text: String) -> CalendarDay? {
        guard date != nil || page else { return nil }
        let name = file == "-" ? nil : (file as NSString).lastPathComponent
        guard let decision = PageDate.decide(given: date, fileName: name, text: text) else {
            printError("no page date: the file name holds none and the text names no year; periods are not resolved")
            return nil
        }
        if let estimate = decision.estimate {
            printError(
                "page date \(estimate.date) inferred from the text (\(estimate.basis.rawValue), confidence "
                    + String(format: "%.2f", estimate.confidence) + ")")
        }
        return CalendarDay(decision.date)
    }

    func run() async throws {
        let text: String
        if file == "-" {
            text = try PageReader(encoding: decoding.encoding).decode(
                FileHandle.standardInput.readDataToEndOfFile(), path: "-")
        } else {
            text = try PageReader(encoding: decoding.encoding).read(path: file).text
        }
        let extractor = try FactExtractor.bundled()
        let resolver = pageDate(of: text).map { PeriodResolver(pageDate: $0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var output = ""
        if page {
            let stems = extractor.placeStems(in: text)
            for article in PageLayout().articles(in: text) {
                for (part, var fact) in extractor.facts(in: article, pageStems: stems) where part == .body {
                    fact.resolvedPeriod = resolver?.resolve(fact.period)
                    output += String(decoding: try encoder.encode(fact), as: UTF8.self) + "\n"
                }
            }
        } else {
            for var fact in extractor.facts(in: text) {
                fact.resolvedPeriod = resolver?.resolve(fact.period)
                output += String(decoding: try encoder.encode(fact), as: UTF8.self) + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
