import Foundation

/// Reads the data files bundled with AlmanacExtract (`Sources/AlmanacExtract/Resources`).
enum EntityResources {
    static func bytes(_ name: String, extension ext: String) throws -> [UInt8] {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw EntityResourceError(
                "AlmanacExtract resource \(name).\(ext) is missing: rebuild, or regenerate it (see Resources/README.md)")
        }
        return [UInt8](data)
    }

    static func text(_ name: String, extension ext: String) throws -> String {
        String(decoding: try bytes(name, extension: ext), as: UTF8.self)
    }
}

/// A bundled entity resource that is missing or unreadable, with what to do about it.
public struct EntityResourceError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
