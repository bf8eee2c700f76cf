import Almanac
import Foundation
import Testing

/// A folder of files made for one test, removed when the value goes away.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

struct PageReaderTests {
    static let sentence = "岚江市今年前三季度地区生产总值同比增长6.1%。"
    static let gb18030Bytes: [UInt8] = [
        0xE1, 0xB0, 0xBD, 0xAD, 0xCA, 0xD0, 0xBD, 0xF1, 0xC4, 0xEA, 0xC7, 0xB0, 0xC8, 0xFD, 0xBC, 0xBE, 0xB6, 0xC8,
        0xB5, 0xD8, 0xC7, 0xF8, 0xC9, 0xFA, 0xB2, 0xFA, 0xD7, 0xDC, 0xD6, 0xB5, 0xCD, 0xAC, 0xB1, 0xC8, 0xD4, 0xF6,
        0xB3, 0xA4, 0x36, 0x2E, 0x31, 0x25, 0xA1, 0xA3,
    ]

    @Test func readsUTF8AndNamesThePage() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("2024-05-14_demo.txt", "# 标题\n\n" + Self.sentence + "\n")
        let page = try PageReader().read(path: path)
        #expect(page.name == "2024-05-14_demo.txt")
        #expect(page.text == "# 标题\n\n" + Self.sentence + "\n")
        #expect(page.sha256.count == 64)
    }

    @Test func knowsAPageByTheHexSHA256OfItsBytes() throws {
        let folder = try ScratchFolder()
        // The FIPS 180-2 test vector: SHA-256 of "abc".
        let page = try PageReader().read(path: try folder.write("abc.txt", "abc"))
        #expect(page.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func dropsByteOrderMarkAndCarriageReturns() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("第一行\r\n第二行\r\n".utf8))
        #expect(try PageReader().read(path: path).text == "第一行\n第二行\n")
    }

    @Test func detectsGB18030() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("gb.txt", Self.gb18030Bytes)
        #expect(try PageReader().read(path: path).text == Self.sentence)
        #expect(try PageReader(encoding: .gbk).read(path: path).text == Self.sentence)
    }

    @Test func forcedEncodingThatDoesNotFitIsAnError() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("gb.txt", Self.gb18030Bytes)
        #expect(throws: ReadError.self) { try PageReader(encoding: .utf8).read(path: path) }
    }

    @Test func shaDependsOnBytes() throws {
        let folder = try ScratchFolder()
        let a = try PageReader().read(path: try folder.write("a.txt", "甲"))
        let b = try PageReader().read(path: try folder.write("b.txt", "乙"))
        let c = try PageReader().read(path: try folder.write("c.txt", "甲"))
        #expect(a.sha256 != b.sha256)
        #expect(a.sha256 == c.sha256)
    }

    @Test(arguments: [
        ("missing", ReadError.Code.notFound),
        ("folder", .isDirectory),
        ("empty", .empty),
        ("blank", .empty),
        ("binary", .binary),
        ("latin1", .invalidEncoding),
    ])
    func rejectsWhatIsNotAPage(kind: String, expected: ReadError.Code) throws {
        let folder = try ScratchFolder()
        let path: String
        switch kind {
        case "missing": path = folder.url.appendingPathComponent("nope.txt").path
        case "folder": path = folder.url.path
        case "empty": path = try folder.write("empty.txt", [])
        case "blank": path = try folder.write("blank.txt", " \n\r\n\t")
        case "binary": path = try folder.write("x.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02])
        default: path = try folder.write("latin1.txt", Array("caf".utf8) + [0xE9, 0x20, 0xE9, 0xE9, 0x41])
        }
        do {
            _ = try PageReader().read(path: path)
            Issue.record("expected \(expected) for \(kind)")
        } catch {
            #expect(error.code == expected)
            #expect(error.description.hasPrefix(path))
            #expect(!error.description.contains("\n"))
        }
    }
}
