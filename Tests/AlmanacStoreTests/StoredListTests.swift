import Foundation
import Testing

@testable import AlmanacStore

/// Name lists (bylines, photographers, captions) as the SQLite archive stores them: JSON arrays.
struct StoredListTests {
    @Test(arguments: [
        [],
        ["周立言"],
        ["周立言", "林 晓"],
        ["岚江市民在“蒿坨子”湿地观鸟。", "引号\"反斜杠\\斜杠/"],
        ["换行\n制表\t回车\r", "控制\u{01}\u{1F}字符", ""],
        ["😀 emoji", "é composed", "e\u{301} decomposed"],
    ])
    func listsReadBackAsWritten(list: [String]) throws {
        let stored = SQLiteStore.encodeList(list)
        #expect(SQLiteStore.decodeList(stored) == list)
        // Valid JSON for any reader, not only ours: Foundation's parser gives the same strings.
        let parsed = try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String]
        #expect(parsed == list)
    }

    @Test func controlCharactersAreEscapedAndNothingElse() {
        #expect(SQLiteStore.encodeList([]) == "[]")
        #expect(SQLiteStore.encodeList(["岚江", "a\"b"]) == #"["岚江","a\"b"]"#)
        #expect(SQLiteStore.encodeList(["\u{01}\n"]) == #"["\u0001\n"]"#)
        #expect(SQLiteStore.encodeList(["\u{1F}"]) == #"["\u001f"]"#)
    }
}
