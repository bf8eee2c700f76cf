import AlmanacLayout
import AlmanacModel
import AlmanacStore
import Foundation

/// Reads page files, rebuilds their articles and stores them: the pipeline behind `almanac ingest`.
///
/// Each page is stored in its own transaction, so an interrupted run loses at most the page in
/// flight, and a page whose bytes are already stored is skipped, so a re-run completes the set.
public struct Ingest: Sendable {
    public var reader: PageReader
    public var layout: PageLayout
    public var store: any Store
    /// The paper's name recorded with every page of this run.
    public var paper: String

    public init(store: any Store, reader: PageReader = PageReader(), layout: PageLayout = PageLayout(), paper: String = "") {
        self.store = store
        self.reader = reader
        self.layout = layout
        self.paper = paper
    }

    /// Ingests the page files in `files` in order, calling `progress` after each one.
    public func run(files: [String], progress: (IngestProgress) -> Void = { _ in }) async -> IngestSummary {
        var summary = IngestSummary()
        let clock = ContinuousClock()
        let start = clock.now
        for (index, path) in files.enumerated() {
            await ingest(path, into: &summary)
            progress(IngestProgress(done: index + 1, total: files.count, elapsed: clock.now - start))
        }
        return summary
    }

    func ingest(_ path: String, into summary: inout IngestSummary) async {
        do {
            var page = try reader.read(path: path)
            if try await store.containsPage(sha256: page.sha256) {
                summary.skipped.append(IngestSummary.Entry(path: path, reason: "already stored (same sha256)"))
                return
            }
            page.paper = paper
            if let date = PageDate.fromFileName(page.name) {
                page.date = date
                page.dateSource = .given
            }
            let articles = layout.articles(in: page.text)
            switch try await store.save(page: page, articles: articles) {
            case .stored:
                summary.pages += 1
                summary.articles += articles.count
            case .skipped:
                summary.skipped.append(IngestSummary.Entry(path: path, reason: "already stored (same sha256)"))
            }
        } catch let error as ReadError {
            summary.failed.append(IngestSummary.Entry(path: path, reason: error.message))
        } catch {
            summary.failed.append(IngestSummary.Entry(path: path, reason: "could not be stored: \(error)"))
        }
    }
}

/// How far an ingest run has got.
public struct IngestProgress: Sendable {
    public var done: Int
    public var total: Int
    public var elapsed: Duration

    /// Pages per second so far.
    public var rate: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
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

    public var pages = 0
    public var articles = 0
    public var skipped: [Entry] = []
    public var failed: [Entry] = []

    public init() {}
}
