/// Unknown place names before an administrative suffix (`蒿坨子镇`, `大洼村`).
///
/// A village or town name the lexicon does not know often comes out as a stranded character and a
/// short word (`汤 河子 镇`). When a content character (not a grammatical one such as 的, 在 or 和) is
/// followed by a two-character word and then by 镇 乡 村 屯 or 庄, the three read as one place name.
extension Segmenter {
    /// Joins `[character][two-character word][suffix]` among `ranges[from...]` into one word.
    func joinPlaceNames(_ scalars: UnsafeBufferPointer<UInt32>, in ranges: inout [Range<Int>], from start: Int) {
        guard ranges.count - start >= 3 else { return }
        // Rewrite in place: `output` trails `index` once a join happened.
        var index = start
        var output = start
        var joined = false
        while index < ranges.count {
            if index + 2 < ranges.count, ranges[index].count == 1, ranges[index + 1].count == 2,
                ranges[index + 2].count == 1, Self.isPlaceSuffix(scalars[ranges[index + 2].lowerBound]),
                !Self.grammaticalCharacters.contains(scalars[ranges[index].lowerBound]),
                !isWord(scalars, ranges[index].lowerBound..<ranges[index + 1].upperBound)
            {
                ranges[output] = ranges[index].lowerBound..<ranges[index + 2].upperBound
                output += 1
                index += 3
                joined = true
                continue
            }
            if joined { ranges[output] = ranges[index] }
            output += 1
            index += 1
        }
        if joined { ranges.removeSubrange(output...) }
    }

    private func isWord(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Bool {
        var node: Int32 = 0
        for index in range {
            node = lexicon.child(of: node, label: scalars[index])
            if node < 0 { return false }
        }
        return node.isWord(in: lexicon)
    }

    /// 镇 乡 村 屯 庄
    @inline(__always)
    static func isPlaceSuffix(_ value: UInt32) -> Bool {
        value == 0x9547 || value == 0x4E61 || value == 0x6751 || value == 0x5C6F || value == 0x5E84
    }

    /// Single characters that work as grammar (particles, prepositions, conjunctions, pronouns,
    /// adverbs, measure words, numerals): they do not begin a name.
    static let grammaticalCharacters: Set<UInt32> = Set(
        ("的了着过在是和与及或等对从向把被将由于为也都就还又这那其各每本该全此我你他她它们之而但并且以给到让使比说有无不没很最更已再才只可能会要"
            + "个位名家项次所一二三四五六七八九十百千万亿两几多每新老大小各全上下前后中内外里东西南北").unicodeScalars.map(\.value))
}
