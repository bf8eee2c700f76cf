import Foundation
import Mustache

/// The files the server ships with: page templates, the stylesheet and the OpenAPI document,
/// all under `Resources/` of the AlmanacServer target.
enum ServerResources {
    /// An error loading the server's own files: the build is incomplete.
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String {
            "the server's resource \(path) is missing from the build; rebuild with `swift build`"
        }
    }

    static func url(_ path: String) throws -> URL {
        guard let root = Bundle.module.resourceURL else { throw Missing(path: path) }
        let candidates = [root.appendingPathComponent("Resources/" + path), root.appendingPathComponent(path)]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw Missing(path: path)
        }
        return found
    }

    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: try url(path))
    }

    /// Every `templates/*.mustache`, registered under its name without the extension.
    static func templates() throws -> MustacheLibrary {
        let folder = try url("templates")
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        return library
    }
}
