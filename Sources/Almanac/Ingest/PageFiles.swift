import Foundation

/// Turns the paths a user names (files and folders) into the list of page files to read.
public enum PageFiles {
    /// The file extensions taken from inside folders; a file named directly is always taken.
    public static let extensions: Set<String> = ["txt", "text", "md"]

    /// The page files of some paths, and the folders among them that held none (most likely a
    /// mistyped folder or pages with another extension, which a caller should say).
    public struct Listing: Sendable, Equatable {
        public var files: [String] = []
        public var emptyFolders: [String] = []
    }

    /// Files named directly, in order, then for each folder its page files in path order (recursively,
    /// hidden entries skipped). A path that does not exist is kept, so reading it reports the error.
    public static func expand(_ paths: [String]) -> [String] {
        list(paths).files
    }

    /// ``expand(_:)`` with the folders that held no page file. A symbolic link inside a folder is
    /// taken when it leads to a regular file (a folder of links to pages kept elsewhere).
    public static func list(_ paths: [String]) -> Listing {
        var listing = Listing()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                listing.files.append(path)
                continue
            }
            let root = URL(fileURLWithPath: path)
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            var found: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                guard extensions.contains(url.pathExtension.lowercased()), isRegularFile(url) else { continue }
                found.append(url.path)
            }
            if found.isEmpty { listing.emptyFolders.append(path) }
            listing.files += found.sorted()
        }
        return listing
    }

    /// Whether `url` is a regular file, or a symbolic link that leads to one (`stat` follows links; a
    /// link to a folder or a dangling link is not a page, nor is a pipe or a device). One system call:
    /// Foundation's resource values also looked up the file's owner and group, a hundredth of an
    /// ingest's CPU time and most of the listing that runs before the first page is read.
    private static func isRegularFile(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
