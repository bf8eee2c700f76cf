import AlmanacModel
import AlmanacStore
import Foundation

/// Reads page files, extracts what they say and stores it: the pipeline behind `almanac ingest`.
///
/// Reading, layout and extraction run on up to `jobs` pages at once; one writer stores the results
/// in batches of whole pages (one transaction per batch), so an interrupted run loses at most the
/// batch in flight and never leaves half a page. A page whose bytes are already stored is skipped
/// before any work is done on it (or, with ``SaveMode/replace``, re-extracted and replaced), so a
/// re-run completes the set.
///
/// ```swift
/// let ingest = try Ingest(store: store, jobs: 4)
/// let summary = await ingest.run(files: PageFiles.expand(["pages/"]))
/// ```
public struct Ingest: Sendable {
    public var store: any Store
    public var reader: PageReader
    public var extraction: PageExtraction
    /// The paper's name recorded with every page of this run.
    public var paper: String
    /// The issue date (`YYYY-MM-DD`) of every page of this run; else a date in the file name, if any.
    public var date: String?
    /// How many pages are read and extracted at once.
    public var jobs: Int
    /// What to do with a page that is already stored.
    public var mode: SaveMode
    /// At most this many pages per write transaction.
    public var batchSize: Int
    /// Large transactions: at scale the one writer sets the pace, and each commit writes the pages
    /// of a dozen indexes that every batch touches anew. 10,000 generated pages on SQLite: 208.8
    /// pages/s in batches of 32, 265.1 of 128, 274.0 of 256 (peak memory 291 and 316 MB).
    public static let defaultBatchSize = 256
    /// A batch is written when it is full or when this long has passed since the last write.
    public var batchInterval: Duration
    /// ``batchInterval`` during a bulk load. Left to the quarter second, a batch holds the pages
    /// extracted while the last one was written (about 70 at 10,000 pages); waiting longer fills
    /// batches, and a transaction's fixed work — looking up the entities and indicators its pages
    /// mention, flushing a search-index segment, committing — is shared by more pages. 10,000
    /// generated pages: 0.963 of the CPU time (two pairs of runs). Once every file is started, the
    /// quarter second applies again.
    public var bulkLoadBatchInterval: Duration = .seconds(2)
    /// Whether to take the files in a random order: several processes ingesting the same files into one
    /// archive then seldom work on the same page at once (each skips what another has stored).
    public var shuffled: Bool
    /// After a run that stored at least this many pages, the store is tidied (``Store/optimize()``).
    public var optimizeAfter = 200
    /// A run of at least this many files into an archive that holds no page is a bulk load
    /// (``Store/beginBulkLoad()``): on SQLite the indexes only reads need are built at its end.
    /// 10,000 generated pages: 36.0 s with the indexes kept up row by row, 31 s plus 2 s to build them.
    public var bulkLoadAfter = 1_000
    /// A bulk load tidies the store (``Store/optimize()``: on SQLite, merges its search index whole)
    /// once 1 in `bulkLoadTidyTail` of its files is left to start, rather than after the last one:
    /// the writer merges while the workers extract those files, instead of the run ending on one
    /// busy core. From then on one worker fewer takes new files, so that the writer has a core of its
    /// own for the merge and the pages that wait for it meanwhile. What the last
    /// files add to the search index stays in a few small segments (6 rather than 1 over 10,000
    /// pages), which FTS5 merges as it goes again. The merge grows with the archive as its
    /// extraction does, so a share of the files covers it at any size. (The indexes a bulk load put
    /// off are still built after the last file: rows written after them would go into them one by
    /// one, which costs the writer three times what the rows themselves do.)
    public var bulkLoadTidyTail = 12

    /// An ingest with the bundled extraction (layout and facts; no mention finder unless `extraction` has one).
    public init(
        store: any Store, reader: PageReader = PageReader(), extraction: PageExtraction? = nil, paper: String = "",
        date: String? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, mode: SaveMode = .skipExisting,
        batchSize: Int = defaultBatchSize, batchInterval: Duration = .milliseconds(250), shuffled: Bool = false
    ) throws {
        self.shuffled = shuffled
        self.store = store
        self.reader = reader
        self.extraction = try extraction ?? PageExtraction.bundled()
        self.paper = paper
        self.date = date
        self.jobs = max(1, jobs)
        self.mode = mode
        self.batchSize = max(1, batchSize)
        self.batchInterval = batchInterval
    }

    /// What a worker made of one file.
    enum Prepared: Sendable {
        case extracted(ExtractedPage, wasStored: Bool)
        case skipped(String)
        case failed(String)
    }

    /// A page waiting for the writer.
    struct Pending: Sendable {
        var index: Int
        var page: ExtractedPage
        var wasStored: Bool
    }

    /// What the pipeline waits for: a worker's page, the writer's batch, or the store tidied (with
    /// the warning that gave, if any).
    enum Event: Sendable {
        case prepared(Int, Prepared)
        case written(Tally)
        case tidied(warning: String?)
    }

    /// Ingests `files`, calling `progress` each time a file has been handled (read, skipped or failed).
    ///
    /// Workers and the writer never wait for each other while there is work: pages are read and
    /// extracted while a batch is written, and the next batch starts as soon as the writer is free.
    /// Only when the writer falls a few batches behind do new files wait, so memory stays bounded.
    public func run(files: [String], progress: (IngestProgress) -> Void = { _ in }) async -> IngestSummary {
        var tally = Tally()
        let clock = ContinuousClock()
        let start = clock.now
        var bulkLoad = false
        if files.count >= bulkLoadAfter {
            do { bulkLoad = try await store.beginBulkLoad() } catch {
                tally.summary.warnings.append("could not prepare the archive for a bulk load: \(error)")
            }
        }
        // Whether a bulk load tidied the store while its last files were extracted.
        var tidiedEarly = false
        await withTaskGroup(of: Event.self) { group in
            let order = shuffled ? files.indices.shuffled() : Array(files.indices)
            var next = 0
            var inFlight = 0
            var pending: [Pending] = []
            var writing = false
            var lastWrite = clock.now
            var done = 0
            // The step the writer is taking besides storing pages, reported with every file handled
            // meanwhile.
            var step: IngestProgress.Step?
            // Twice as many files in flight as workers, so a worker finds the next one waiting.
            let maxInFlight = jobs * 2
            // Beyond this many pages waiting for the writer, no new file is started.
            let maxPending = batchSize * 3
            func submit() {
                // From a bulk load's tidying on, one worker fewer: the tidying is the run's longest single
                // piece of work, and the pages extracted meanwhile wait for the writer. With a core of
                // its own it is done with both about when the workers are done with the last file;
                // shared three ways, it was still at them afterwards, alone.
                let limit = tidiedEarly ? max(1, jobs - 1) : maxInFlight
                while next < order.count && inFlight < limit && pending.count < maxPending {
                    let index = order[next]
                    let path = files[index]
                    next += 1
                    inFlight += 1
                    group.addTask { .prepared(index, await prepare(path)) }
                }
            }
            // Tidies the store once few enough files of a bulk load are left to start
            // (``bulkLoadTidyTail``) and the writer is free, if the run is to store enough pages to
            // be worth it. Says whether it started.
            func tidyIfDue() -> Bool {
                guard bulkLoad, !tidiedEarly, !writing, (order.count - next) * bulkLoadTidyTail <= order.count else {
                    return false
                }
                let storing =
                    tally.summary.pages + tally.summary.replaced + pending.count + inFlight + order.count - next
                guard storing >= optimizeAfter else { return false }
                tidiedEarly = true
                writing = true
                step = .tidying
                progress(IngestProgress(done: done, total: files.count, elapsed: clock.now - start, step: .tidying))
                group.addTask { .tidied(warning: await finish(.tidying)) }
                return true
            }
            func writeIfDue() {
                guard !tidyIfDue() else { return }
                guard !writing, !pending.isEmpty else { return }
                let last = inFlight == 0 && next == order.count
                // Once every file is started, batches go as soon as the writer is free again: the last
                // one is written with no extraction beside it, so it is kept small.
                let interval = bulkLoad && next < order.count ? bulkLoadBatchInterval : batchInterval
                guard last || pending.count >= batchSize || clock.now - lastWrite >= interval else { return }
                let batch = Array(pending.prefix(batchSize))
                pending.removeFirst(batch.count)
                writing = true
                lastWrite = clock.now
                group.addTask { .written(await written(batch, files: files)) }
            }
            submit()
            while let event = await group.next() {
                switch event {
                case .prepared(let index, let prepared):
                    inFlight -= 1
                    switch prepared {
                    case .extracted(let page, let wasStored):
                        pending.append(Pending(index: index, page: page, wasStored: wasStored))
                    case .skipped(let reason):
                        tally.skipped.append((index, IngestSummary.Entry(path: files[index], reason: reason)))
                    case .failed(let reason):
                        tally.failed.append((index, IngestSummary.Entry(path: files[index], reason: reason)))
                    }
                    done += 1
                    progress(IngestProgress(done: done, total: files.count, elapsed: clock.now - start, step: step))
                case .written(let result):
                    writing = false
                    tally.merge(result)
                case .tidied(let warning):
                    if let warning { tally.summary.warnings.append(warning) }
                    step = nil
                    writing = false
                }
                writeIfDue()
                submit()
            }
        }
        // Many batches leave the search index in many segments; merging them is worth its seconds
        // only after a large run (a bulk load merged it before its last files).
        var steps: [IngestProgress.Step] = bulkLoad ? [.indexes] : []
        if !tidiedEarly && tally.summary.pages + tally.summary.replaced >= optimizeAfter {
            steps.append(.tidying)
        }
        for step in steps {
            progress(IngestProgress(done: files.count, total: files.count, elapsed: clock.now - start, step: step))
            if let warning = await finish(step) { tally.summary.warnings.append(warning) }
        }
        var summary = tally.finished
        summary.elapsed = (clock.now - start).seconds
        return summary
    }

    /// Takes one finishing step; returns the warning it gave, if any. Failing loses nothing: the
    /// archive builds its indexes when next opened, and an untidied one merely searches slower.
    func finish(_ step: IngestProgress.Step) async -> String? {
        switch step {
        case .indexes:
            do { try await store.endBulkLoad() } catch {
                return "could not build the archive's indexes (it builds them when next opened): \(error)"
            }
        case .tidying:
            do { try await store.optimize() } catch { return "could not optimize the archive: \(error)" }
        }
        return nil
    }

    /// Reads, checks and extracts one file; runs on a worker.
    func prepare(_ path: String) async -> Prepared {
        do {
            var page = try reader.read(path: path)
            let wasStored = try await store.containsPage(sha256: page.sha256)
            if wasStored && mode == .skipExisting { return .skipped("already stored (same sha256)") }
            page.paper = paper
            if let decision = PageDate.decide(given: date, fileName: page.name, text: page.text) {
                page.date = decision.date
                page.dateSource = decision.source
            }
            return .extracted(extraction.extract(page), wasStored: wasStored)
        } catch let error as ReadError {
            return .failed(error.message)
        } catch {
            return .failed("could not be checked against the archive: \(error)")
        }
    }

    /// Stores `pending` in one transaction — when that fails, page by page, so one bad page fails
    /// alone — and returns what that did.
    func written(_ pending: [Pending], files: [String]) async -> Tally {
        var tally = Tally()
        guard !pending.isEmpty else { return tally }
        do {
            let outcomes = try await store.save(pending.map(\.page), mode: mode)
            for (item, outcome) in zip(pending, outcomes) { tally.record(item, outcome, files: files) }
            return tally
        } catch {
            guard pending.count > 1 else {
                tally.failed.append(
                    (
                        pending[0].index,
                        IngestSummary.Entry(path: files[pending[0].index], reason: "could not be stored: \(error)")
                    ))
                return tally
            }
        }
        for item in pending {
            do {
                let outcomes = try await store.save([item.page], mode: mode)
                if let outcome = outcomes.first { tally.record(item, outcome, files: files) }
            } catch {
                tally.failed.append(
                    (item.index, IngestSummary.Entry(path: files[item.index], reason: "could not be stored: \(error)")))
            }
        }
        return tally
    }

    /// The summary as it builds up, entries kept with their file's position.
    struct Tally: Sendable {
        var summary = IngestSummary()
        var skipped: [(Int, IngestSummary.Entry)] = []
        var failed: [(Int, IngestSummary.Entry)] = []

        mutating func record(_ item: Pending, _ outcome: SaveOutcome, files: [String]) {
            switch outcome {
            case .stored:
                if item.wasStored { summary.replaced += 1 } else { summary.pages += 1 }
                summary.articles += item.page.articles.count
                summary.facts += item.page.articles.reduce(0) { $0 + $1.facts.count }
                summary.mentions += item.page.articles.reduce(0) { $0 + $1.mentions.count }
            case .skipped:
                skipped.append(
                    (item.index, IngestSummary.Entry(path: files[item.index], reason: "already stored (same sha256)")))
            }
        }

        /// Adds what another tally recorded.
        mutating func merge(_ other: Tally) {
            summary.pages += other.summary.pages
            summary.replaced += other.summary.replaced
            summary.articles += other.summary.articles
            summary.facts += other.summary.facts
            summary.mentions += other.summary.mentions
            summary.warnings += other.summary.warnings
            skipped += other.skipped
            failed += other.failed
        }

        var finished: IngestSummary {
            var result = summary
            result.skipped = skipped.sorted { $0.0 < $1.0 }.map(\.1)
            result.failed = failed.sorted { $0.0 < $1.0 }.map(\.1)
            return result
        }
    }
}

/// How far an ingest run has got.
public struct IngestProgress: Sendable {
    /// What the writer does besides storing pages, which takes seconds in a large run: after the last
    /// file, or in a bulk load while its last files are extracted.
    public enum Step: String, Sendable {
        /// Building the indexes a bulk load put off (``Store/endBulkLoad()``).
        case indexes = "building the archive's indexes"
        /// Tidying the archive (``Store/optimize()``: on SQLite, merging the search index).
        case tidying = "tidying the archive"
    }

    public var done: Int
    public var total: Int
    public var elapsed: Duration
    /// What the writer is doing besides storing pages, if anything: set on every report while it does.
    public var step: Step?

    public init(done: Int, total: Int, elapsed: Duration, step: Step? = nil) {
        self.done = done
        self.total = total
        self.elapsed = elapsed
        self.step = step
    }

    /// Pages per second so far.
    public var rate: Double {
        let seconds = elapsed.seconds
        return seconds > 0 ? Double(done) / seconds : 0
    }

    /// Seconds left at the current rate.
    public var secondsLeft: Double? {
        rate > 0 ? Double(total - done) / rate : nil
    }
}

/// What an ingest run did.
public struct IngestSummary: Sendable, Codable, Equatable {
    /// A page file that was not stored, and why.
    public struct Entry: Sendable, Codable, Equatable {
        public var path: String
        public var reason: String
    }

    /// New pages stored.
    public var pages = 0
    /// Stored pages whose articles, facts and mentions were replaced (`--reprocess`).
    public var replaced = 0
    /// Articles, facts and mentions written (new and replaced pages).
    public var articles = 0
    public var facts = 0
    public var mentions = 0
    public var skipped: [Entry] = []
    public var failed: [Entry] = []
    /// Problems that lost nothing (the archive could not be tidied at the end).
    public var warnings: [String] = []
    /// Wall-clock seconds the run took.
    public var elapsed: Double = 0

    public init() {}
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
