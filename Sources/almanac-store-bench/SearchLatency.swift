import AlmanacStore
import ArgumentParser
import Foundation

/// Runs a fixed list of one- to three-word queries against an archive, round after round, and prints
/// the latency of each `Store.search` call (query cutting, database, snippets) as p50 and p99.
struct SearchLatency: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search latency over a fixed list of frequent, medium and rare queries.",
        discussion: """
            The queries suit the pages of `almanac generate`: frequent words are in most articles, \
            medium ones in a few percent, rare ones (and combinations) in a handful or none. Each query \
            runs once to warm the caches, then --rounds times; the figures are over all timed runs.
            """)

    @Option(help: "The archive: a SQLite file path or a postgres:// URL.")
    var db: String

    @Option(help: "Timed runs of every query.")
    var rounds = 20

    @Option(help: "Hits asked for per query.")
    var limit = 20

    @Option(help: "Matches ranked per query (SearchQuery.window).")
    var window = SearchQuery.defaultWindow

    @Option(help: "A label printed with the figures (e.g. sqlite, postgres).")
    var label = "archive"

    @Flag(help: "Also print every query's own figures.")
    var perQuery = false

    /// Queries by how many articles of a generated corpus hold them.
    static let queries: [(kind: String, text: String)] = [
        ("frequent", "岚江"), ("frequent", "同比增长"), ("frequent", "项目"), ("frequent", "亿元"),
        ("frequent", "企业 投资"), ("frequent", "全市 项目 完成"),
        ("medium", "储能科技"), ("medium", "蒿坨子镇"), ("medium", "冷链物流园"), ("medium", "集装箱吞吐量"),
        ("medium", "正极材料 投产"), ("medium", "梧溪县 就业"),
        ("rare", "夜市 重新开放 苇塘镇"), ("rare", "顾春梅"), ("rare", "宏岳 纺织 股份"), ("rare", "雁栖乡 风电叶片"),
        ("rare", "火箭发射"), ("rare", "量子 计算机"),
    ]

    func run() async throws {
        try await withStore(db) { store in
            let counts = try await store.fetchCounts()
            print(
                "\(label): \(counts.pages) pages, \(counts.articles) articles; \(Self.queries.count) queries × \(rounds) rounds, "
                    + "\(window) matches ranked")
            let clock = ContinuousClock()
            var all: [Double] = []
            var allCPU: [Double] = []
            var byKind: [String: [Double]] = [:]
            var hits: [String: Int] = [:]
            var byQuery: [String: [Double]] = [:]
            for (_, text) in Self.queries {
                hits[text] = try await store.search(query(text)).count
            }
            for _ in 0..<rounds {
                for (kind, text) in Self.queries {
                    let query = query(text)
                    let cpuStart = Self.processCPUMilliseconds()
                    let duration = try await clock.measure { _ = try await store.search(query) }
                    allCPU.append(Self.processCPUMilliseconds() - cpuStart)
                    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
                    all.append(ms)
                    byKind[kind, default: []].append(ms)
                    byQuery[text, default: []].append(ms)
                }
            }
            for kind in ["frequent", "medium", "rare"] {
                let texts = Self.queries.filter { $0.kind == kind }.map { "\($0.text) (\(hits[$0.text] ?? 0))" }
                print("  \(kind): " + Self.summary(byKind[kind] ?? []) + "  — " + texts.joined(separator: ", "))
            }
            if perQuery {
                for (_, text) in Self.queries {
                    print("  \(text) (\(hits[text] ?? 0)): " + Self.summary(byQuery[text] ?? []))
                }
            }
            print("\(label) search latency: " + Self.summary(all))
            print("\(label) CPU time of this process per search: " + Self.summary(allCPU))
        }
    }

    func query(_ text: String) -> SearchQuery {
        var query = SearchQuery(text: text, limit: limit)
        query.window = window
        return query
    }

    /// CPU time used by this process so far (all threads), in milliseconds; a PostgreSQL server's work is not in it.
    static func processCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    static func summary(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "no runs" }
        let sorted = values.sorted()
        func percentile(_ p: Double) -> Double {
            sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        return String(
            format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d runs", percentile(0.5), percentile(0.99),
            sorted[sorted.count - 1], sorted.count)
    }
}
