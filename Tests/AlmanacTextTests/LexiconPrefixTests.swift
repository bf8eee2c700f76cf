import Testing

@testable import AlmanacText

/// ``Lexicon/forEachWord(startingAt:in:maxLength:_:)`` against word-by-word lookups.
struct LexiconPrefixTests {
    static let lexicon = try! Segmenter.bundled().lexicon

    @Test(arguments: [
        "岚江市人民政府与中华人民共和国国家发展和改革委员会签约，卡拉OK厅开业。",
        "一二三四五六七八九十百千万亿第三季度全国人民代表大会常务委员会😀𠮷",
        "ＧＤＰ增长7.5%，中国人民银行股份有限公司北京市分行",
    ])
    func everyWordStartingAtAPositionIsReportedWithItsTag(text: String) {
        let scalars = text.unicodeScalars.map { ScalarClass.foldWidth($0.value) }
        var reported = 0
        for start in scalars.indices {
            for maxLength in [3, 8] {
                var found: [(Int, String)] = []
                Self.lexicon.forEachWord(startingAt: start, in: scalars, maxLength: maxLength) { length, tag in
                    found.append((length, Self.lexicon.tagNameList[tag]))
                }
                var expected: [(Int, String)] = []
                for length in 1...maxLength where start + length <= scalars.count {
                    if let tag = Self.lexicon.tag(ofScalars: scalars[start..<(start + length)]) {
                        expected.append((length, tag))
                    }
                }
                #expect(found.map(\.0) == expected.map(\.0), "at \(start) of \(text)")
                #expect(found.map(\.1) == expected.map(\.1), "at \(start) of \(text)")
                reported += found.count
            }
        }
        #expect(reported > scalars.count / 2)
    }

    /// What the cut's walks found, where it walked, is what ``Lexicon/forEachWord(startingAt:in:maxLength:_:)``
    /// reports, also where a word runs past the end of a run of Chinese characters (`卡拉OK`).
    @Test(arguments: [
        "岚江市人民政府与中华人民共和国国家发展和改革委员会签约，卡拉OK厅开业。",
        "一二三四五六七八九十百千万亿第三季度全国人民代表大会常务委员会😀𠮷",
        "ＧＤＰ增长7.5%，中国人民银行股份有限公司北京市分行，三十五万人，人民",
    ])
    func theCutsWordStartsAreThoseOfForEachWord(text: String) throws {
        let segmenter = try Segmenter.bundled()
        let scalars = text.unicodeScalars.map { ScalarClass.foldWidth($0.value) }
        var starts: [LexiconWordStarts] = []
        let words = segmenter.wordRanges(inWidthFolded: scalars, wordStarts: &starts)
        #expect(words == segmenter.wordRanges(inWidthFolded: scalars))
        #expect(starts.count == scalars.count)
        var complete = 0
        for (index, found) in starts.enumerated() {
            let walked = Self.lexicon.wordStarts(at: index, in: scalars)
            #expect(walked.isComplete)
            guard found.isComplete else { continue }
            complete += 1
            #expect(found.lengths == walked.lengths, "at \(index) of \(text)")
            for length in 1...LexiconWordStarts.maxLength where walked.contains(length: length) {
                #expect(found.tagIndex(ofLength: length) == walked.tagIndex(ofLength: length), "at \(index) of \(text)")
            }
        }
        #expect(complete > scalars.count / 2)
    }
}

/// ``Lexicon/mostFrequentWords(minimumLength:limit:)`` against lookups of the words it names.
struct LexiconFrequencyTests {
    @Test func theMostFrequentWordsAreWordsOfTheLexiconInOrderOfFrequency() throws {
        let lexicon = try Segmenter.bundled().lexicon
        let words = lexicon.mostFrequentWords(minimumLength: 2, limit: 500)
        #expect(words.count == 500)
        #expect(Set(words.map(\.word)).count == 500)
        for (word, frequency) in words {
            #expect(word.unicodeScalars.count >= 2, "\(word)")
            #expect(lexicon.frequency(of: word) == frequency, "\(word)")
        }
        #expect(zip(words, words.dropFirst()).allSatisfy { $0.frequency >= $1.frequency })
        // Nothing longer and more frequent was left out: the 500th is at least as frequent as a
        // common two-character word that did not make the list, if any.
        let cut = words.last!.frequency
        for probe in ["发展", "经济", "企业", "项目", "增长"] where !words.contains(where: { $0.word == probe }) {
            #expect((lexicon.frequency(of: probe) ?? 0) <= cut, "\(probe)")
        }
        #expect(lexicon.mostFrequentWords(minimumLength: 3, limit: 50).allSatisfy { $0.word.unicodeScalars.count >= 3 })
    }
}
