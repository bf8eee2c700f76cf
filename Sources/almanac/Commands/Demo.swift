import Almanac
import AlmanacStore
import ArgumentParser
import Foundation

/// `almanac demo`: a fresh archive built from the project's own demo pages.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a fresh SQLite archive from the demo pages and serve it in the browser.",
        discussion: """
            The demo pages (demo/pages/ in the checkout) are written by the Almanac team about an \
            invented city and carry every kind of damage text extraction does to a printed page. The \
            archive goes to a new temporary folder unless --db is given. Then the web app serves it \
            (the URL is printed; Ctrl-C stops it), unless --no-serve is given.
            """)

    @Option(help: "The folder of demo pages. Default: demo/pages in the current folder or the checkout.")
    var pages: String?

    @Option(help: "Where to build the archive (a SQLite file). Default: a new temporary folder.")
    var db: String?

    @Flag(help: "Only build and list the archive; do not serve it.")
    var noServe = false

    @OptionGroup var server: ServerOptions

    func run() async throws {
        let folder = try demoFolder()
        let location = try db ?? Self.temporaryArchivePath()
        let files = PageFiles.expand([folder])
        print("almanac demo: \(files.count) demo pages from \(folder)")
        let (summary, articles) = try await withStore(location) { store in
            let summary = try await Almanac.Ingest(store: store, paper: "岚江日报 (demo)").run(files: files)
            return (summary, try await store.fetchArticles(limit: 200, offset: 0))
        }
        print("archive: \(location)")
        print("stored \(summary.pages) pages, \(summary.articles) articles; failed \(summary.failed.count)")
        for entry in summary.failed { printError("almanac: \(entry.path): \(entry.reason)") }
        for item in articles {
            let article = item.article
            let section = article.section.isEmpty ? "" : "[\(article.section)] "
            print("  \(item.date ?? "----------")  #\(article.seq)  \(section)\(article.headline)  (\(article.kind.rawValue))")
        }
        if !summary.failed.isEmpty { throw ExitCode(1) }
        if noServe {
            print("next: almanac serve --db \(location)")
            return
        }
        fflush(nil)  // the listing before the server's own lines, also when the output is a pipe or file
        try await withStore(location) { store in
            try await server.serve(store: store, archive: location)
        }
    }

    /// The demo folder: as given, else demo/pages under the current folder, else beside the build folder.
    func demoFolder() throws -> String {
        if let pages { return pages }
        var candidates = [FileManager.default.currentDirectoryPath + "/demo/pages"]
        // The executable lives a few levels below the checkout: CHECKOUT/.build*/[TRIPLE/]CONFIGURATION/almanac.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<4 {
            folder.deleteLastPathComponent()
            candidates.append(folder.appendingPathComponent("demo/pages").path)
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw ValidationError("no demo pages found (looked in \(candidates.joined(separator: ", "))); pass --pages DIR")
    }

    static func temporaryArchivePath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("almanac.sqlite").path
    }
}
