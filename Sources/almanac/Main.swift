import ArgumentParser

/// The `almanac` command: a regional newspaper archive on the command line.
@main
struct Main: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Turn a region's newspaper pages into a searchable, structured record.",
        discussion: """
            Pages are plain-text extractions of printed newspaper pages (UTF-8 or GB18030). \
            `pages` rebuilds their articles without a database; `ingest` stores them in an archive \
            (SQLite by default) that `articles` lists, `search` searches and `serve` serves.
            """,
        subcommands: [
            Pages.self, Ingest.self, Articles.self, Search.self, Facts.self, Series.self, Projects.self, Export.self,
            Segment.self, Extract.self, Entities.self, Eval.self, Generate.self, Serve.self, Demo.self,
        ]
    )
}
