import Almanac
import AlmanacModel

/// Reads a page file for the commands that print or score articles without an archive.
enum PageInput {
    /// Reads and decodes the page at `path`; errors name the file in one line.
    static func read(_ path: String, encoding: TextEncoding?) throws -> Page {
        try PageReader(encoding: encoding).read(path: path)
    }
}
