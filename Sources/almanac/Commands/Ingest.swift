import Almanac
import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac ingest PATH…`: read pages, extract their articles and facts and store them.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store pages with their articles, facts and mentions in the archive.",
        discussion: """
            PATH may be page files or folders (their .txt/.md files, recursively). Layout and extraction \
            run on --jobs pages at once; one writer stores whole pages in batches, one transaction per \
            batch, so an interrupted run (even kill -9) leaves no half page. A page whose bytes are \
            already stored is skipped, so re-running completes the set; --reprocess replaces the stored \
            pages' articles, facts and mentions instead (one transaction per batch, page ids kept). \
            The page date is --date, else a date in the file name (2023-08-31, 20230831). Several \
            ingest processes may share one PostgreSQL archive (each takes the files in a random \
            order, --shuffle, and skips what another has stored).

            Examples:
              almanac ingest pages/
              almanac ingest --jobs 2 --date 2024-05-14 --paper 岚江日报 today/*.txt
              almanac ingest --reprocess --db postgres://almanac@localhost/almanac pages/
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var decoding: EncodingOptions

    @Option(help: "The paper's name, recorded with each page.")
    var paper: String = ""

    @Option(help: "The issue date of every page given (YYYY-MM-DD); default: a date in each file name.")
    var date: String?

    @Option(help: "How many pages to lay out and extract at once (default: the number of active processors).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: """
            At most this many pages per write transaction; a batch is written sooner when the writer \
            is free and a quarter of a second has passed.
            """)
    var batchSize = Almanac.Ingest.defaultBatchSize

    @Flag(
        inversion: .prefixedNo,
        help: """
            Take the files in a random order, so that several processes ingesting the same files into \
            one archive seldom work on the same page (default: on for PostgreSQL, off for SQLite).
            """)
    var shuffle: Bool?

    @Flag(help: "Replace pages that are already stored (after an upgrade) instead of skipping them.")
    var reprocess = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @Argument(help: "Page files or folders of page files.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one page file or folder") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
            throw ValidationError("--date must be a day written YYYY-MM-DD, not '\(date)'")
        }
    }

    func run() async throws {
        let listing = PageFiles.list(paths)
        let files = listing.files
        for folder in listing.emptyFolders {
            let kinds = PageFiles.extensions.sorted().map { ".\($0)" }.joined(separator: ", ")
            printError("almanac: warning: \(folder) holds no page files (\(kinds))")
        }
        guard !files.isEmpty else {
            printError("almanac: nothing to ingest: no page files in \(paths.joined(separator: ", "))")
            throw ExitCode(1)
        }
        let showProgress = standardErrorIsTerminal && !json
        let shuffled: Bool
        if let shuffle {
            shuffled = shuffle
        } else if case .postgres = try StoreLocation(database.location) {
            shuffled = true
        } else {
            shuffled = false
        }
        // The extraction's models load while the archive opens (and, when it is new, is made): each
        // takes a few tenths of a second of one core before the first page.
        let loading = Task.detached { try PageExtraction.bundled() }
        let summary = try await database.withStore { store in
            let ingest = try Almanac.Ingest(
                store: store, reader: PageReader(encoding: decoding.encoding), extraction: try await loading.value,
                paper: paper, date: date, jobs: jobs, mode: reprocess ? .replace : .skipExisting,
                batchSize: batchSize, shuffled: shuffled)
            return await ingest.run(files: files) { progress in
                guard showProgress else { return }
                var line: String
                if let step = progress.step, progress.done == progress.total {
                    line = "\r\(progress.done)/\(progress.total) pages; \(step.rawValue)…"
                } else {
                    let eta = progress.secondsLeft.map { String(format: ", %.0f s left", $0) } ?? ""
                    line =
                        String(format: "\r%d/%d pages, %.1f pages/s", progress.done, progress.total, progress.rate)
                        + eta
                    if let step = progress.step { line += "; \(step.rawValue)…" }
                }
                FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
            }
        }
        if showProgress { printError("") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            let rate = summary.elapsed > 0 ? Double(summary.pages + summary.replaced) / summary.elapsed : 0
            print(
                "stored \(summary.pages) pages, \(summary.articles) articles, \(summary.facts) facts, "
                    + "\(summary.mentions) mentions; replaced \(summary.replaced); skipped \(summary.skipped.count); "
                    + "failed \(summary.failed.count); "
                    + String(format: "%.1f s, %.1f pages/s", summary.elapsed, rate))
            for entry in summary.skipped { print("skipped \(entry.path): \(entry.reason)") }
        }
        for warning in summary.warnings { printError("almanac: warning: \(warning)") }
        for entry in summary.failed { printError("almanac: \(entry.path): \(entry.reason)") }
        if !summary.failed.isEmpty { throw ExitCode(1) }
    }
}
