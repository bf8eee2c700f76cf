import Testing

@testable import AlmanacText

/// `String.scalarValues`, `String(scalarValues:)` and `String(joining:of:)` against the standard
/// library's scalar view and `joined(separator:)`, and
/// ``ScalarMap`` against the dictionary it filters.
struct ScalarValuesTests {
    /// One to four UTF-8 bytes a scalar, small (inline) and large strings, and the empty string.
    static let texts = [
        "", "a", "岚", "😀", "é", "岚江市2023年GDP增长7.5%，ＡＢ１２　",
        "𠮷野家 café ß 岚江 😀😀 \n\t", String(repeating: "岚江市上半年担保贷款6.43亿元😀é", count: 50),
    ]

    @Test(arguments: texts)
    func scalarValuesAreTheValuesOfTheUnicodeScalars(_ text: String) {
        #expect(text.scalarValues == text.unicodeScalars.map(\.value))
    }

    @Test(arguments: texts)
    func aStringBuiltFromItsScalarValuesIsTheSameString(_ text: String) {
        let rebuilt = String(scalarValues: text.scalarValues)
        #expect(rebuilt == text)
        #expect(Array(rebuilt.utf8) == Array(text.utf8))
        #expect(String(scalarValues: text.scalarValues[...].dropFirst()) == String(text.unicodeScalars.dropFirst()))
    }

    @Test func valuesThatAreNoScalarsAreSkipped() {
        let values: [UInt32] = [0x5C9A, 0xD800, 0x6C5F, 0xDFFF, 0x110000, 0x1F600, 0xFFFF_FFFF]
        #expect(String(scalarValues: values) == "岚江😀")
        #expect(String(scalarValues: [UInt32]([0xD800])) == "")
    }

    @Test(arguments: texts)
    func rangesJoinedAreTheirWordsJoinedBySpaces(_ text: String) {
        let scalars = text.scalarValues
        // Every single scalar, every pair, overlapping and out of order, and empty ranges.
        var ranges = scalars.indices.map { $0..<$0 + 1 }
        ranges += stride(from: scalars.count - 2, through: 0, by: -1).map { $0..<$0 + 2 }
        ranges += [0..<0, 0..<scalars.count, scalars.count..<scalars.count]
        let words = ranges.map { String(scalarValues: scalars[$0]) }
        #expect(String(joining: ranges, of: scalars) == words.joined(separator: " "))
        #expect(String(joining: [], of: scalars) == "")
    }

    @Test func joiningSkipsValuesThatAreNoScalars() {
        let values: [UInt32] = [0x5C9A, 0xD800, 0x6C5F, 0x110000, 0x1F600]
        #expect(String(joining: [0..<2, 1..<3, 3..<5, 1..<2], of: values) == "岚 江 😀 ")
    }

    @Test func aScalarMapAnswersExactlyAsItsDictionary() {
        let table: [UInt32: Int] = [0x4E00: 1, 0x4E8C: 2, 0x25: 3, 0x1F600: 4, 0x4E00 + 1024: 5, 0x10_FFFF: 6]
        let map = ScalarMap(table)
        var probes = Array(UInt32(0)..<0x1_0000)
        probes += [0x1F600, 0x1F600 + 1024, 0x10_FFFF, 0x10_FFFF - 1024]
        for value in probes { #expect(map[value] == table[value], "U+\(String(value, radix: 16))") }
        let members = ScalarMap(members: [0x2E, 0xFF0E])
        #expect(members.contains(0x2E) && members.contains(0xFF0E))
        #expect(!members.contains(0x2E + 1024) && !members.contains(0x2F))
        #expect(Set(map.keys) == Set(table.keys))
    }
}
