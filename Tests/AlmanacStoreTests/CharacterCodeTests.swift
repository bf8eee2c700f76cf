import AlmanacText
import CZlib
import Foundation
import GRDB
import Testing

@testable import AlmanacStore

/// Bodies spelt in a character code (a canonical Huffman code over scalars) read back exactly.
struct CharacterCodeTests {
    static let code = CharacterCode.forBodies(lexicon: Lexicon.bundled!)

    /// Texts of every kind: Chinese with punctuation and figures, Latin, scalars the code spells with
    /// the escape (outside the BMP, rare symbols, controls), empty and long ones.
    static let texts = [
        "", "岚", "据市统计局数据，前三季度全市地区生产总值同比增长5.2%。\n“十四五”规划",
        "GDP 增长 6.43 亿元；CPI（居民消费价格指数）", "😀𠮷野家 café ß \u{0}\u{7F}\u{FFFD}\u{10FFFF}",
        String(repeating: "白鹭湾区新增就业岗位3088个，比去年同期增加227个。\n", count: 200),
        String(repeating: "鼗", count: 50),
    ]

    @Test(arguments: texts) func aTextReadsBackAsItWasWritten(_ text: String) throws {
        var bits: [UInt8] = []
        Self.code.encode(text, into: &bits)
        let checksum = TextCodec.checksum(Array(text.utf8))
        let utf8 = try bits.withUnsafeBufferPointer {
            try Self.code.decode($0, utf8Count: text.utf8.count, checksum: checksum)
        }
        #expect(String(decoding: utf8, as: UTF8.self) == text)
    }

    /// Read straight into scalars (as a search reads a body for its snippet), a text gives the same
    /// scalars, checked against the Adler-32 of its UTF-8.
    @Test(arguments: texts) func aTextReadsBackAsScalars(_ text: String) throws {
        TextCodes.shared.add(Self.code)
        let value = TextCodec.encode(text, code: Self.code)
        #expect(try TextCodec.decodeScalars(value) == Array(text.unicodeScalars))
        guard case .blob(var data) = value.storage else { return }
        data[data.startIndex + 13] ^= 0x80  // the first code word's first bit (the last byte may be padding)
        #expect(throws: (any Error).self) { try TextCodec.decodeScalars(data.databaseValue) }
    }

    /// The Adler-32 summed byte by byte is zlib's, also past the bytes after which the sums are reduced.
    @Test func adlerSumIsZlibs() {
        let bytes = Array(String(repeating: "据市统计局数据，全市地区生产总值😀 ", count: 800).utf8)
        var sum = AdlerSum()
        for byte in bytes { sum.add(byte) }
        let zlib = bytes.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        #expect(bytes.count > 5552 * 4 && sum.value == zlib)
    }

    /// Every word is at most the longest length, and the words fill the code space exactly.
    @Test func theCodeIsCompleteAndLengthLimited() throws {
        let lengths = Self.code.lengths.map(Int.init)
        #expect(lengths.max()! <= CharacterCode.maximumLength)
        let kraft = lengths.reduce(0) { $0 + (1 << (CharacterCode.maximumLength - $1)) }
        #expect(kraft == 1 << CharacterCode.maximumLength)
        // Common characters get short words, rare ones long words.
        let length = Dictionary(uniqueKeysWithValues: zip(Self.code.symbols, lengths))
        #expect(length[UInt32(("的" as Unicode.Scalar).value)]! < length[UInt32(("鼗" as Unicode.Scalar).value)]!)
        #expect(length[UInt32(("，" as Unicode.Scalar).value)]! <= 6)
    }

    /// The stored table makes the same code; a damaged one is refused.
    @Test func theSerializedCodeReadsBack() throws {
        let read = try CharacterCode(serialized: Self.code.serialized)
        #expect(read.checksum == Self.code.checksum && read.symbols == Self.code.symbols)
        var damaged = Self.code.serialized
        damaged[3] &+= 1
        #expect(throws: CharacterCodeError.self) { try CharacterCode(serialized: damaged) }
        #expect(throws: CharacterCodeError.self) { try CharacterCode(serialized: Array(damaged.prefix(7))) }
    }

    /// A scalar's UTF-8, worked out for the decoder, is what `String` spells; a surrogate is U+FFFD.
    @Test func utf8IsWorkedOutAsStringSpellsIt() {
        for value: UInt32 in [0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xFFFF, 0x1_0000, 0x2_0BB7, 0x10_FFFF]
        {
            let (bytes, count) = CharacterCode.utf8(of: value)
            let expected = Array(String(Unicode.Scalar(value)!).utf8)
            #expect((0..<Int(count)).map { UInt8(truncatingIfNeeded: bytes >> (8 * $0)) } == expected)
        }
        #expect(CharacterCode.utf8(of: 0xD800) == (0xBD_BF_EF, 3))
    }

    /// Huffman lengths of a small, known table.
    @Test func huffmanLengthsFollowTheWeights() {
        #expect(CharacterCode.huffmanLengths([1, 1, 2, 4]) == [3, 3, 2, 1])
        #expect(CharacterCode.huffmanLengths([5, 5]) == [1, 1])
    }

    /// A Chinese body is stored in under half its UTF-8, reads back through `TextCodec`, and a stored
    /// value whose bits were changed is refused rather than read wrong.
    @Test func aCodedBodyIsSmallAndChecked() throws {
        TextCodes.shared.add(Self.code)
        let body = String(repeating: "据市统计局数据，前三季度全市地区生产总值同比增长5.2%，规模以上工业增加值增长6.1%。\n", count: 20)
        let value = TextCodec.encode(body, code: Self.code)
        guard case .blob(let data) = value.storage else {
            Issue.record("a long Chinese body is stored coded")
            return
        }
        #expect(data.count < body.utf8.count / 2)
        #expect(try TextCodec.decode(value) == body)
        var damaged = data
        damaged[damaged.count / 2] ^= 0x10
        #expect(throws: (any Error).self) { try TextCodec.decode(damaged.databaseValue) }
        // A damaged length is refused before anything of that size is made.
        var long = data
        long.replaceSubrange(long.startIndex..<long.startIndex + 4, with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect(throws: (any Error).self) { try TextCodec.decode(long.databaseValue) }
        // Text the code spells longer than its UTF-8 stays text.
        let latin = "abc"
        #expect(TextCodec.encode(latin, code: Self.code) == latin.databaseValue)
    }

    /// An archive spells new bodies in its code; a body deflated with its dictionary (as written before
    /// migration "v16 character code") reads as before, in a page and in a search.
    @Test func bodiesDeflatedBeforeTheCodeStillRead() async throws {
        try await Driver.sqlite.withLocation { location in
            let page = CompactStorageMigrationTests.longPage
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([page], mode: .skipExisting)
            }
            var configuration = Configuration()
            configuration.prepareDatabase { db in try SQLiteStore.registerSearchFunctions(db) }
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            let body = page.articles[0].article.body
            try await queue.write { db in
                let coded = try #require(try Data.fetchOne(db, sql: "SELECT body FROM article"))
                #expect(coded[coded.startIndex + 4] == TextCodec.codedMarker)
                let dictionary = try #require(try Data.fetchOne(db, sql: "SELECT bytes FROM text_dictionary"))
                let deflated = TextCodec.encode(body, dictionary: [UInt8](dictionary))
                try db.execute(sql: "UPDATE article SET body = ?", arguments: [deflated])
                let stored = try #require(try Data.fetchOne(db, sql: "SELECT body FROM article"))
                #expect(stored[stored.startIndex + 4] & 0x0F == 8)  // a zlib stream
            }
            try queue.close()
            try await withStore(location) { (store: any Store) async throws in
                let read = try #require(try await store.fetchPage(id: 1))
                #expect(read.articles.map(\.article.body) == [body])
                let hits = try await store.search(SearchQuery(text: "物流", limit: 5))
                #expect(hits.count == 1 && hits[0].snippet.contains("物流"))
            }
        }
    }
}
