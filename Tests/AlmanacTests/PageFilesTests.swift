import Almanac
import Foundation
import Testing

struct PageFilesTests {
    @Test func followsLinksToPageFilesAndNamesFoldersWithoutPages() throws {
        let pages = try ScratchFolder()
        try FileManager.default.createDirectory(
            at: pages.url.appendingPathComponent("kept"), withIntermediateDirectories: true)
        let kept = try pages.write("kept/2024-05-14_a.txt", "# 标题\n\n正文。\n")
        _ = try pages.write("kept/notes.json", "{}")
        let links = try ScratchFolder()
        let manager = FileManager.default
        try manager.createSymbolicLink(
            atPath: links.url.appendingPathComponent("2024-05-14_a.txt").path, withDestinationPath: kept)
        try manager.createSymbolicLink(
            atPath: links.url.appendingPathComponent("gone.txt").path,
            withDestinationPath: pages.url.appendingPathComponent("missing.txt").path)
        try manager.createSymbolicLink(
            atPath: links.url.appendingPathComponent("folder.txt").path,
            withDestinationPath: pages.url.appendingPathComponent("kept").path)
        // A named pipe is not a page: reading it would wait for a writer.
        #expect(mkfifo(links.url.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        let empty = pages.url.appendingPathComponent("empty").path
        try manager.createDirectory(atPath: empty, withIntermediateDirectories: true)

        let listing = PageFiles.list([links.url.path, empty, pages.url.appendingPathComponent("kept").path])
        #expect(listing.files.map { ($0 as NSString).lastPathComponent } == ["2024-05-14_a.txt", "2024-05-14_a.txt"])
        #expect(listing.files.first?.hasPrefix(links.url.path) == true)
        #expect(listing.emptyFolders == [empty])
        #expect(PageFiles.expand([links.url.path]) == [listing.files[0]])
    }
}
