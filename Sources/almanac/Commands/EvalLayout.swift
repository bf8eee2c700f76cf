import Almanac
import AlmanacLayout
import ArgumentParser
import Foundation

/// `almanac eval layout --gold FILE PAGES…`: layout scores per page and overall.
struct EvalLayout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Score rebuilt articles against layout gold.",
        discussion: """
            Pairs articles by headline and prints, per page and overall: article precision, recall
            and F1; the share of must_contain found; must_not_contain present; first/last words found;
            bylines and captions as sets (micro F1); duplicated paragraphs.
            """)

    @Option(help: "The layout gold file (JSON Lines, one page a line).")
    var gold: String

    @Flag(help: "Print the scores as one JSON object.")
    var json = false

    @Flag(help: "List what went wrong under each page.")
    var details = false

    @Argument(help: "Page text files; each is matched to the gold by its base name.")
    var pages: [String]

    @OptionGroup var encoding: EncodingOptions

    func run() async throws {
        guard FileManager.default.fileExists(atPath: gold) else {
            throw CommandFailure("\(gold): no such gold file; pass the layout gold, e.g. ../shared/eval/layout.jsonl")
        }
        let goldPages: [LayoutGoldPage]
        do {
            goldPages = try LayoutGoldPage.load(path: gold)
        } catch let error as GoldError {
            throw CommandFailure(error.description)
        } catch {
            throw CommandFailure("\(gold): cannot be read as UTF-8 text")
        }
        let byName = Dictionary(goldPages.map { ($0.page, $0) }, uniquingKeysWith: { first, _ in first })
        let layout = PageLayout()
        let scorer = LayoutScorer()
        var scores: [LayoutScore] = []
        var failures = 0
        for path in pages {
            do {
                let page = try PageInput.read(path, encoding: encoding.encoding)
                guard let goldPage = byName[page.name] else {
                    printError("almanac eval layout: \(path): no gold for \(page.name)")
                    failures += 1
                    continue
                }
                scores.append(scorer.score(gold: goldPage, predicted: layout.articles(in: page.text)))
            } catch {
                failures += 1
                printError("almanac eval layout: \(error)")
            }
        }
        let overall = LayoutScore.total(scores)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let report = Report(pages: scores, overall: overall)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(table(scores, overall))
        }
        if failures > 0 { throw ExitCode.failure }
    }

    private struct Report: Encodable {
        var pages: [LayoutScore]
        var overall: LayoutScore
    }

    private func table(_ scores: [LayoutScore], _ overall: LayoutScore) -> String {
        let header = [
            "page", "gold", "pred", "pair", "P", "R", "F1", "must", "mustnot", "first", "last",
            "bylines", "captions", "photog", "dup",
        ]
        var rows = [header]
        func row(_ s: LayoutScore) -> [String] {
            [
                s.page, "\(s.goldArticles)", "\(s.predictedArticles)", "\(s.pairs)", f(s.precision), f(s.recall),
                f(s.f1),
                f(s.mustContainShare), "\(s.mustNotContainPresent)", f(s.firstWordsShare), f(s.lastWordsShare),
                f(s.bylines.f1), f(s.captions.f1), f(s.photographers.f1), "\(s.duplicateParagraphs)",
            ]
        }
        rows += scores.map(row)
        rows.append(row(overall))
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = rows.map { r in
            r.indices.map { c in
                c == 0
                    ? r[c].padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - r[c].count) + r[c]
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: lines.count - 1)
        if details {
            for s in scores where !s.problems.isEmpty {
                lines.append("")
                lines.append("\(s.page):")
                lines += s.problems.map { "  \($0)" }
            }
        }
        lines.append("")
        lines.append(
            "P/R/F1: articles paired by headline; must: share of must_contain found; mustnot: "
                + "must_not_contain present; bylines/captions/photog: micro F1 over sets; dup: duplicated paragraphs.")
        return lines.joined(separator: "\n")
    }

    private func f(_ x: Double) -> String { String(format: "%.3f", x) }
}

/// A failure reported as one line, without the usage text.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
