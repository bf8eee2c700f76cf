/// Words for a search index, where a query word must also find the longer words it is part of.
///
/// `words(in:)` cuts text into the longest probable words (`在建工程`, `岚江市`), which is what a
/// reader sees but not all a reader searches for: "工程" should find `在建工程`, "岚江" should find
/// `岚江市`. A search index therefore holds, after each word, its *sub-words*, the way jieba's
/// search mode does:
///
/// - every lexicon word of two or more characters lying inside a longer word (`在建工程` →
///   `在建`, `建工`, `工程`), and
/// - for a word the lexicon does not know (a name the model joined, `岚江港`), each pair of
///   neighbouring characters (`岚江`, `江港`), so part of an unknown name still finds it, and
/// - the name before an administrative suffix (省 市 县 区 镇 乡 村), when at least two characters
///   are left (`岚江市` → `岚江`), which finds places the lexicon does not know, and
/// - for a single character left over beside a word (`岚 江边`), the pairs it makes with its
///   neighbours (`岚江`) and its join with the next word (`岚江边`); for a word the lexicon lacks
///   (`在岚 江边`), the pairs across its ends (`岚江`).
///
/// ```swift
/// segmenter.searchWords(in: "岚江市在建工程")   // ["岚江市", "在建", "工程", "岚江", "江市"]
/// ```
extension Segmenter {
    /// The words of `text`, then the sub-words of each; words without a letter or digit are dropped.
    ///
    /// Sub-words come after all the words, so words that stand next to each other in the text stay
    /// next to each other in the index, where a phrase query looks for them.
    public func searchWords(in text: String) -> [String] {
        let scalars = text.scalarValues
        let ranges = wordRanges(in: scalars)
        var words: [String] = []
        var subwords: [String] = []
        for (index, range) in ranges.enumerated() {
            let word = String(scalarValues: scalars[range])
            guard Self.isSearchable(word) else { continue }
            words.append(word)
            subwords += self.subwords(of: word)
            subwords += strandedPairs(at: index, in: ranges, scalars)
        }
        return words + subwords
    }

    /// Pairs across the boundaries of a word the segmenter was unsure of, so the name it cut through
    /// is still found: for a single character left over beside a word (`岚` of `岚 江边`), the pairs
    /// it forms with its neighbours' nearest characters (`岚江`) and its join with the next word
    /// (`岚江边`, as `searchTerms(in:)` joins it in a query); for a word the lexicon lacks (`在岚` of
    /// `在岚 江边`), the pairs across its two ends (`岚江`).
    func strandedPairs(at index: Int, in ranges: [Range<Int>], _ scalars: [UInt32]) -> [String] {
        let range = ranges[index]
        func isHan(_ range: Range<Int>) -> Bool {
            scalars[range].allSatisfy { ScalarClass.isHan(ScalarClass.foldWidth($0)) }
        }
        guard isHan(range) else { return [] }
        let single = range.count == 1 && !Self.grammaticalCharacters.contains(scalars[range.lowerBound])
        let unknown =
            range.count > 1 && lexicon.frequency(at: lexicon.node(of: scalars[range].map(ScalarClass.foldWidth))) == 0
        guard single || unknown else { return [] }
        var pairs: [String] = []
        if index > 0, ranges[index - 1].upperBound == range.lowerBound, isHan(ranges[index - 1]) {
            pairs.append(String(scalarValues: scalars[range.lowerBound - 1...range.lowerBound]))
        }
        if index + 1 < ranges.count, ranges[index + 1].lowerBound == range.upperBound, isHan(ranges[index + 1]) {
            let next = ranges[index + 1]
            pairs.append(String(scalarValues: scalars[range.upperBound - 1...next.lowerBound]))
            if single, next.count > 1 {
                pairs.append(String(scalarValues: scalars[range.lowerBound..<next.upperBound]))
            }
        }
        return pairs
    }

    /// The terms a search for `query` must all match, each with the spellings that match it.
    ///
    /// `query` is cut like indexed text, without sub-words (the index holds them). A single
    /// character left over by the segmenter is most often part of a name it does not know
    /// (`蒿坨子` → `蒿` `坨子`), so a run of such characters in a run of Chinese text joins the word
    /// after it (or, at the end, before it) as one term, spelled two ways: as one word (`蒿坨子`, how
    /// a place name or a model-joined name is indexed) or as its words next to each other, a phrase
    /// (`蒿 坨子`). Grammatical characters (的, 在, 和 …) stay terms of their own. A query without a
    /// letter or digit has no terms.
    public func searchTerms(in query: String) -> [[String]] {
        let scalars = query.scalarValues
        let ranges = wordRanges(in: scalars).filter { Self.isSearchable(String(scalarValues: scalars[$0])) }
        func isHan(_ range: Range<Int>) -> Bool {
            scalars[range].allSatisfy { ScalarClass.isHan(ScalarClass.foldWidth($0)) }
        }
        var groups: [[Range<Int>]] = []
        var singles: [Range<Int>] = []
        func flushSingles() {
            guard let first = singles.first else { return }
            if let last = groups.last?.last, last.upperBound == first.lowerBound, isHan(last), last.count > 1 {
                groups[groups.count - 1] += singles
            } else {
                groups.append(singles)
            }
            singles = []
        }
        for range in ranges {
            if let previous = singles.last, previous.upperBound != range.lowerBound { flushSingles() }
            let grammatical = range.count == 1 && Self.grammaticalCharacters.contains(scalars[range.lowerBound])
            if range.count == 1, isHan(range), !grammatical {
                singles.append(range)
            } else if !singles.isEmpty, isHan(range), !grammatical {
                groups.append(singles + [range])
                singles = []
            } else {
                flushSingles()
                groups.append([range])
            }
        }
        flushSingles()
        var seen: Set<[String]> = []
        return groups.compactMap { group in
            let words = group.map { String(scalarValues: scalars[$0]) }
            let spellings = words.count == 1 ? words : [words.joined(), words.joined(separator: " ")]
            return seen.insert(spellings).inserted ? spellings : nil
        }
    }

    /// The lexicon words (two characters or more) inside `word` other than `word` itself, in order of
    /// position; then, for a word the lexicon lacks, its character pairs; then the place name before
    /// an administrative suffix. No word is repeated; words of one or two characters have none.
    public func subwords(of word: String) -> [String] {
        let scalars = word.unicodeScalars.map { ScalarClass.foldWidth($0.value) }
        guard scalars.count > 2, scalars.allSatisfy(ScalarClass.isHan) else { return [] }
        var found: [String] = []
        var seen: Set<String> = []
        func add(_ range: Range<Int>) {
            let sub = String(scalarValues: scalars[range])
            if seen.insert(sub).inserted { found.append(sub) }
        }
        for start in 0..<scalars.count - 1 {
            var node: Int32 = 0
            for end in start..<scalars.count {
                node = lexicon.child(of: node, label: scalars[end])
                if node < 0 { break }
                let length = end - start + 1
                if length >= 2, length < scalars.count, node.isWord(in: lexicon) { add(start..<end + 1) }
            }
        }
        if lexicon.frequency(at: lexicon.node(of: scalars)) == 0 {
            for start in 0..<scalars.count - 1 { add(start..<start + 2) }
        }
        if let last = scalars.last, Self.administrativeSuffixes.contains(last) {
            add(0..<scalars.count - 1)
        }
        return found
    }

    /// Whether `word` holds a letter or a digit (else it is punctuation, which no index keeps).
    public static func isSearchable(_ word: String) -> Bool {
        word.unicodeScalars.contains { scalar in
            // Most words are CJK or ASCII: answered without looking up the scalar's properties.
            let value = scalar.value
            if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return true }
            if value < 0x80 {
                return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    /// 省 市 县 区 镇 乡 村
    static let administrativeSuffixes: Set<UInt32> = Set("省市县区镇乡村".unicodeScalars.map(\.value))
}
