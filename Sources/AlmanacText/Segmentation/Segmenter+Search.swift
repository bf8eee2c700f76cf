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
        return searchWordRanges(in: scalars).map { String(scalarValues: scalars[$0]) }
    }

    /// `searchWords(in: text)` joined by spaces, each scalar in its `ScalarClass.searchForm(_:)` —
    /// what an index stores — written straight into one string rather than through a string for
    /// every word (a tenth of an ingest's CPU went on those).
    public func indexText(in text: String) -> String {
        let scalars = text.scalarValues
        return Self.indexText(searchWordRanges(in: scalars, words: wordRanges(in: scalars)), of: scalars)
    }

    /// ``indexText(in:)`` of a text already cut into `words`: the ``wordRanges(in:)`` of its scalars,
    /// as another reader of the same text (the entity recogniser) cut them with this segmenter.
    /// Cutting a text is most of the cost of its index words.
    public func indexText(in text: String, words: [Range<Int>]) -> String {
        let scalars = text.scalarValues
        return Self.indexText(searchWordRanges(in: scalars, words: words), of: scalars)
    }

    /// The words at `ranges` in `scalars` joined by spaces, each scalar in its search form.
    static func indexText(_ ranges: [Range<Int>], of scalars: [UInt32]) -> String {
        String(joining: ranges, of: scalars, form: ScalarClass.searchForm)
    }

    /// `text` with each scalar in its `ScalarClass.searchForm(_:)`: a query word as the index holds it.
    public static func searchForm(of text: String) -> String {
        String(scalarValues: text.unicodeScalars.map { ScalarClass.searchForm($0.value) })
    }

    /// Where the words of `searchWords(in:)` lie in `scalars`, in the same order.
    func searchWordRanges(in scalars: [UInt32]) -> [Range<Int>] {
        searchWordRanges(in: scalars, words: wordRanges(in: scalars))
    }

    /// ``searchWordRanges(in:)`` with the text's ``wordRanges(in:)`` given.
    func searchWordRanges(in scalars: [UInt32], words ranges: [Range<Int>]) -> [Range<Int>] {
        // Whether each word is all Han, read once: its neighbours ask again for their stranded pairs.
        let isHan = ranges.map { Self.isHanWord(scalars[$0]) }
        var words: [Range<Int>] = []
        words.reserveCapacity(ranges.count)
        var subwords: [Range<Int>] = []
        for (index, range) in ranges.enumerated() {
            // A Han word has letters; only the other words need looking at for a letter or digit.
            guard isHan[index] || Self.isSearchable(scalars[range]) else { continue }
            words.append(range)
            let isKnown = isHan[index] && appendSubwords(of: range, in: scalars, to: &subwords)
            appendStrandedPairs(at: index, in: ranges, scalars, isHan: isHan, isKnown: isKnown, to: &subwords)
        }
        return words + subwords
    }

    /// Appends the pairs across the boundaries of a word the segmenter was unsure of, so the name it
    /// cut through is still found: for a single character left over beside a word (`岚` of `岚 江边`),
    /// the pairs it forms with its neighbours' nearest characters (`岚江`) and its join with the next
    /// word (`岚江边`, as `searchTerms(in:)` joins it in a query); for a word the lexicon lacks (`在岚`
    /// of `在岚 江边`), the pairs across its two ends (`岚江`). `isHan` says which words are all Han,
    /// and `isKnown` whether the word at `index` is a lexicon word.
    func appendStrandedPairs(
        at index: Int, in ranges: [Range<Int>], _ scalars: [UInt32], isHan: [Bool], isKnown: Bool,
        to pairs: inout [Range<Int>]
    ) {
        let range = ranges[index]
        guard isHan[index] else { return }
        let single = range.count == 1 && !Self.grammaticalCharacters.contains(scalars[range.lowerBound])
        let unknown = range.count > 1 && !isKnown
        guard single || unknown else { return }
        if index > 0, ranges[index - 1].upperBound == range.lowerBound, isHan[index - 1] {
            pairs.append(range.lowerBound - 1..<range.lowerBound + 1)
        }
        if index + 1 < ranges.count, ranges[index + 1].lowerBound == range.upperBound, isHan[index + 1] {
            let next = ranges[index + 1]
            pairs.append(range.upperBound - 1..<next.lowerBound + 1)
            if single, next.count > 1 {
                pairs.append(range.lowerBound..<next.upperBound)
            }
        }
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
        let ranges = wordRanges(in: scalars).filter { Self.isSearchable(scalars[$0]) }
        func isHan(_ range: Range<Int>) -> Bool { Self.isHanWord(scalars[range]) }
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
        guard scalars.allSatisfy(ScalarClass.isHan) else { return [] }
        var found: [Range<Int>] = []
        appendSubwords(of: 0..<scalars.count, in: scalars, to: &found)
        return found.map { String(scalarValues: scalars[$0]) }
    }

    /// Whether every scalar of `word`, width-folded, is a Han character.
    static func isHanWord(_ word: ArraySlice<UInt32>) -> Bool {
        word.allSatisfy { ScalarClass.isHan(ScalarClass.foldWidth($0)) }
    }

    /// Appends where the sub-words of the all-Han word at `word` in `scalars` lie (see `subwords(of:)`),
    /// and says whether the word itself is a lexicon word (of two characters or more): the walk
    /// that finds the lexicon words starting where the word does reaches the word too.
    @discardableResult
    func appendSubwords(of word: Range<Int>, in scalars: [UInt32], to found: inout [Range<Int>]) -> Bool {
        let count = word.count
        guard count > 1 else { return false }
        guard count > 2 else { return lexicon.contains(scalars: scalars[word]) }
        let first = found.count
        func add(_ range: Range<Int>) {
            let sub = scalars[range]
            if !found[first...].contains(where: { scalars[$0].elementsEqual(sub) }) { found.append(range) }
        }
        var isKnown = false
        for start in word.lowerBound..<word.upperBound - 1 {
            lexicon.forEachWord(startingAt: start, in: scalars, maxLength: word.upperBound - start) { length, _ in
                if length == count {
                    isKnown = true
                } else if length >= 2 {
                    add(start..<start + length)
                }
            }
        }
        if !isKnown {
            for start in word.lowerBound..<word.upperBound - 1 { add(start..<start + 2) }
        }
        if Self.administrativeSuffixes.contains(scalars[word.upperBound - 1]) {
            add(word.lowerBound..<word.upperBound - 1)
        }
        return isKnown
    }

    /// Whether `word` holds a letter or a digit (else it is punctuation, which no index keeps).
    public static func isSearchable(_ word: String) -> Bool {
        isSearchable(word.unicodeScalars.lazy.map(\.value))
    }

    /// Whether the scalars hold a letter or a digit.
    static func isSearchable<Scalars: Sequence<UInt32>>(_ word: Scalars) -> Bool {
        word.contains { value in
            // Most words are CJK or ASCII: answered without looking up the scalar's properties.
            if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) { return true }
            if value < 0x80 {
                return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            }
            // Punctuation (，。、) is most of the rest: a table, not the runtime's property lookups.
            return ScalarClass.isLetterOrNumber(value)
        }
    }

    /// 省 市 县 区 镇 乡 村
    static let administrativeSuffixes: Set<UInt32> = Set("省市县区镇乡村".unicodeScalars.map(\.value))
}
