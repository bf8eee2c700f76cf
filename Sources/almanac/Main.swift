import ArgumentParser

@main
struct Main: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac", abstract: "Almanac",
        subcommands: [Pages.self, Eval.self])
}
