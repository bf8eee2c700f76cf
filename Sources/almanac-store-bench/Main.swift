import AlmanacStore
import ArgumentParser

/// `almanac-store-bench`: archive figures for the README, measured in a release build.
///
/// Run it as `swift run -c release --scratch-path .build-release almanac-store-bench search --db DB`
/// on an archive that `almanac ingest` filled (`benchmarks/scale/run.sh` does both).
@main
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac-store-bench",
        abstract: "Measure an archive's search latency (build with -c release).",
        subcommands: [SearchLatency.self])
}
