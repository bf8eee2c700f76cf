import ArgumentParser

/// `almanac eval …`: score Almanac against gold annotations.
struct Eval: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score Almanac against gold files (see SPEC.md, \"Scoring\").",
        subcommands: [EvalLayout.self, EvalFacts.self, EvalSegment.self, EvalNER.self])
}
