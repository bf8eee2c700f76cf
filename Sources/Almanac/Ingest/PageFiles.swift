import Foundation

/// Turns the paths a user names (files and folders) into the list of page files to read.
public enum PageFiles {
    /// The file extensions taken from inside folders; a file named directly is always taken.
    public static let extensions: Set<String> = ["txt", "text", "md"]

    /// Files named directly, in order, then for each folder its page files in path order (recursively,
    /// hidden entries skipped). A path that does not exist is kept, so reading it reports the error.
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var found: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                guard extensions.contains(url.pathExtension.lowercased()),
                    (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
                else { continue }
                found.append(url.path)
            }
            result += found.sorted()
        }
        return result
    }
}
