import ArgumentParser

/// `almanac eval …`: scores Almanac's output against the gold files.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Almanac against gold files.", subcommands: [EvalSegment.self])
}
