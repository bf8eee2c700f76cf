import Almanac
import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac ingest PATH…`: read pages, rebuild their articles and store them.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store pages and their articles in the archive.",
        discussion: """
            PATH may be page files or folders (their .txt/.md files, recursively). A page whose bytes \
            are already stored is skipped, so re-running after an interruption completes the set. Each \
            page is stored in one transaction. A date in the file name (2023-08-31, 20230831) becomes \
            the page's date.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var decoding: EncodingOptions

    @Option(help: "The paper's name, recorded with each page.")
    var paper: String = ""

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Argument(help: "Page files or folders of page files.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one page file or folder") }
    }

    func run() async throws {
        let files = PageFiles.expand(paths)
        let showProgress = standardErrorIsTerminal && !json
        let summary = try await database.withStore { store in
            let ingest = Almanac.Ingest(store: store, reader: PageReader(encoding: decoding.encoding), paper: paper)
            return await ingest.run(files: files) { progress in
                guard showProgress else { return }
                let eta = progress.secondsLeft.map { String(format: ", %.0f s left", $0) } ?? ""
                let line = String(format: "\r%d/%d pages, %.1f pages/s", progress.done, progress.total, progress.rate)
                FileHandle.standardError.write(Data((line + eta + "\u{1B}[K").utf8))
            }
        }
        if showProgress { printError("") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(
                "stored \(summary.pages) pages, \(summary.articles) articles; "
                    + "skipped \(summary.skipped.count); failed \(summary.failed.count)")
            for entry in summary.skipped { print("skipped \(entry.path): \(entry.reason)") }
        }
        for entry in summary.failed { printError("almanac: \(entry.path): \(entry.reason)") }
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
