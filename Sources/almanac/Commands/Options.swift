import Almanac
import ArgumentParser
import Foundation

/// The archive a command works on.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The archive: a SQLite file path. Default: $ALMANAC_DATABASE_URL, else ./almanac.sqlite.")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["ALMANAC_DATABASE_URL"] ?? "almanac.sqlite"
    }
}

/// How page files are decoded.
struct EncodingOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Decode pages as utf-8, gb18030 or gbk instead of detecting the encoding.",
        transform: { name in
            guard let encoding = TextEncoding(name: name) else {
                throw ValidationError("unknown encoding '\(name)'; use utf-8, gb18030 or gbk")
            }
            return encoding
        })
    var encoding: TextEncoding?
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Whether standard error is a terminal, where progress lines may be redrawn in place.
var standardErrorIsTerminal: Bool {
    isatty(STDERR_FILENO) == 1
}
