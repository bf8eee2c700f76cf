import Testing

@testable import AlmanacText

struct NormalizerTests {
    @Test(arguments: [
        ("ＧＤＰ增长７．４％", "GDP增长7.4%"),
        ("岚江 市  经济", "岚江市经济"),
        ("本报记者 林晓 摄", "本报记者林晓摄"),
        ("企业 and 优势", "企业 and 优势"),
        ("增长 7.4% ，高于", "增长7.4%，高于"),
        ("2023 2024", "2023 2024"),
        ("「好」", "“好”"),
        ("増长,高于", "増长，高于"),
        ("1,234元", "1,234元"),
        ("１，２３４", "1,234"),
        ("行尾 \n下一行", "行尾\n下一行"),
        ("a\u{3000}b", "a b"),
        ("零\u{200B}宽", "零宽"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(Normalizer().normalize(input).text == expected)
    }

    @Test func mapsOffsetsBackToTheTextAsRead() {
        let normalized = Normalizer().normalize("岚江 市ＧＤＰ增长７．４％")
        #expect(normalized.text == "岚江市GDP增长7.4%")
        #expect(normalized.originalOffsets == [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
        #expect(normalized.originalRange(of: 1..<3) == 1..<4)
        #expect(normalized.originalRange(of: 8..<12) == 9..<13)
        #expect(normalized.originalOffset(of: 12) == 13)
    }

    @Test func fullWidthOutput() {
        let normalizer = Normalizer(alphanumerics: .full, punctuation: .full)
        #expect(normalizer.normalize("GDP 7.4%").text == "ＧＤＰ ７．４％")
    }
}
