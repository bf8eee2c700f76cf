import ArgumentParser

/// `almanac eval …`: scores against the gold files.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Almanac against gold files.",
        subcommands: [EvalLayout.self])
}
