import Foundation

/// Reads a page file for the commands; one place to swap in the project's page reader.
enum PageInput {
    /// A page's base name and decoded text.
    struct Loaded {
        var name: String
        var text: String
    }

    /// A page file that could not be read, with a one-line reason naming it.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    static func read(_ path: String) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw Failure(path: path, reason: "is a directory, not a page file") }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Failure(path: path, reason: "cannot be read as UTF-8 text")
        }
        return Loaded(name: (path as NSString).lastPathComponent, text: text)
    }
}
