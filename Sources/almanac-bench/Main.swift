import AlmanacLayout
import ArgumentParser
import Foundation

/// `almanac-bench`: throughput figures for the README, measured in a release build.
///
/// It links only the stages it measures (no database drivers), so a release build is quick.
/// Run it as `swift run -c release --scratch-path .build-release almanac-bench layout FILES…`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac-bench",
        abstract: "Measure Almanac's throughput on one core (build with -c release).",
        subcommands: [
            PagesThroughput.self, LayoutThroughput.self, ExtractThroughput.self, EntitiesThroughput.self,
            IndexWordsThroughput.self, TrainEntities.self, EvalEntities.self,
        ])
}

/// Options shared by the throughput benchmarks.
struct RoundOptions: ParsableArguments {
    @Option(help: "Keep measuring for at least this many seconds (one round at least, whatever this says).")
    var seconds: Double = 5

    @Option(help: "Stop after this many rounds even if time is left.")
    var maxRounds = 10_000

    func validate() throws {
        guard maxRounds >= 1 else { throw ValidationError("--max-rounds must be at least 1.") }
    }
}

/// Rebuilds the articles of every page in FILES, round after round, and prints MB/s.
struct LayoutThroughput: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout", abstract: "Layout throughput in MB/s of page text (UTF-8 bytes).")

    @OptionGroup var rounds: RoundOptions

    @Argument(help: "Page files to lay out each round.")
    var files: [String]

    func run() throws {
        let texts = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let layout = PageLayout()
        var articles = 0
        for text in texts { articles += layout.articles(in: text).count }  // warm-up
        let report = Throughput.measure(bytesPerRound: bytes, options: rounds) {
            var count = 0
            for text in texts { count += layout.articles(in: text).count }
            precondition(count == articles, "layout is not deterministic")
        }
        print("layout: \(files.count) pages, \(bytes) bytes, \(articles) articles per round")
        print(report)
    }
}

/// Times a round of work repeatedly and summarises it as MB/s.
///
/// Each round is timed twice: by the thread's CPU time (what one core does, unaffected by other
/// processes on a shared machine) and by the wall clock (which is, when the machine is busy).
enum Throughput {
    /// With `pagesPerRound`, the report gives pages/s of CPU time too.
    static func measure(
        bytesPerRound: Int, pagesPerRound: Int? = nil, options: RoundOptions, _ round: () -> Void
    ) -> String {
        let clock = ContinuousClock()
        var cpuRates: [Double] = []
        var cpuSeconds: [Double] = []
        var wallRates: [Double] = []
        let start = clock.now
        // One round at least: the report takes medians of what the rounds measured.
        while cpuRates.isEmpty
            || (cpuRates.count < options.maxRounds && (clock.now - start) < .seconds(options.seconds))
        {
            let cpuStart = threadCPUSeconds()
            let duration = clock.measure(round)
            let cpu = threadCPUSeconds() - cpuStart
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            let megabytes = Double(bytesPerRound) / 1_000_000
            wallRates.append(megabytes / max(seconds, 1e-9))
            cpuRates.append(megabytes / max(cpu, 1e-9))
            cpuSeconds.append(cpu)
        }
        cpuSeconds.sort()
        cpuRates.sort()
        wallRates.sort()
        let pages = pagesPerRound.map {
            String(
                format: "; %.1f pages/s of CPU time (median)", Double($0) / max(cpuSeconds[cpuSeconds.count / 2], 1e-9))
        }
        return String(
            format: "%d rounds: median %.1f MB/s of CPU time (min %.1f, max %.1f); wall clock median %.1f MB/s",
            cpuRates.count, cpuRates[cpuRates.count / 2], cpuRates[0], cpuRates[cpuRates.count - 1],
            wallRates[wallRates.count / 2]) + (pages ?? "")
    }

    /// The CPU time this thread has used, in seconds.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
