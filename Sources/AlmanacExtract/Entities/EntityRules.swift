import AlmanacModel
import AlmanacText

/// The rules run after the tagger (see ``EntityRecognizer``): they add what the grammar of names
/// makes certain where the tagger found nothing, and never change a tagger span they do not extend.
struct EntityRules {
    let grammar: EntityGrammar
    let analysis: TextAnalysis

    /// The tagger's spans completed by the grammar, short forms linked, projects added.
    func complete(_ tagged: [EntitySpan]) -> [EntitySpan] {
        var spans = tagged
        addOrganizations(to: &spans)
        addLocalPlaces(to: &spans)
        addPeople(to: &spans)
        ShortForms(analysis: analysis, rules: self).link(&spans)
        spans.append(contentsOf: ProjectFinder(analysis: analysis, grammar: grammar).projects(near: spans))
        return spans
    }

    // MARK: - Organisations

    /// Company, association and institution names ending in a suffix the tagger did not mark: the
    /// name's head is the run of name-like words before the suffix (a place or organisation span
    /// the tagger found there becomes part of it).
    func addOrganizations(to spans: inout [EntitySpan]) {
        let words = analysis.words
        for (index, range) in words.enumerated() {
            guard grammar.companySuffixes.contains(Array(analysis.scalars[range])) else { continue }
            guard !spans.contains(where: { $0.range.overlaps(range) && $0.kind != .place }) else { continue }
            guard let start = headStart(before: index, spans: spans), range.upperBound - start >= range.count + 2
            else { continue }
            let name = start..<range.upperBound
            spans.removeAll { $0.range.overlaps(name) && name.lowerBound <= $0.range.lowerBound }
            spans.append(EntitySpan(kind: .organization, range: name))
        }
    }

    /// Where the head of a name ending before word `index` starts: back over name-like words (and
    /// tagger spans), at most 16 scalars; `nil` when there is none.
    func headStart(before index: Int, spans: [EntitySpan], limit: Int = 16) -> Int? {
        let words = analysis.words
        let end = words[index].lowerBound
        var start = end
        var w = index - 1
        while w >= 0 {
            let range = words[w]
            guard range.upperBound == start, end - range.lowerBound <= limit else { break }
            if let span = spans.first(where: { $0.range.upperBound == start && $0.kind != .person && $0.kind != .project })
            {
                start = span.range.lowerBound
                while w >= 0 && words[w].lowerBound >= start { w -= 1 }
                continue
            }
            guard isNameWord(w) else { break }
            start = range.lowerBound
            w -= 1
        }
        return start < end ? start : nil
    }

    /// Whether word `index` can be part of a name: Chinese or Latin, and not a function word or verb.
    func isNameWord(_ index: Int) -> Bool {
        let range = analysis.words[index]
        let first = analysis.scalars[range.lowerBound]
        guard ScalarClass.isHan(first) || ScalarClass.isLatin(first) else { return false }
        if range.count == 1 && grammar.headStops.contains(first) { return false }
        return !grammar.stopTags.contains(analysis.wordTags[index])
    }

    // MARK: - Places below the county

    /// 镇/乡/村/街道/社区/园区/开发区/工业园 names: a head that is a known place, a lexicon place
    /// word or a word the lexicon lacks, and the suffix.
    func addLocalPlaces(to spans: inout [EntitySpan]) {
        let scalars = analysis.scalars
        for (index, range) in analysis.words.enumerated() where index > 0 {
            let word = Array(scalars[range])
            var suffixLength = 0
            for suffix in grammar.localPlaceSuffixesByLength where word.count >= suffix.count {
                if Array(word.suffix(suffix.count)) == suffix {
                    suffixLength = suffix.count
                    break
                }
            }
            guard suffixLength > 0 else { continue }
            // The head is the word before (or the word itself, less the suffix, when it is longer).
            let head: Range<Int>
            if word.count > suffixLength {
                // A word the lexicon lacks (蒿坨子镇), or a known place with the suffix (锦州开发区).
                head = range.lowerBound..<(range.upperBound - suffixLength)
                guard head.count >= 2, analysis.wordTags[index] == 0 || analysis.placeMark[head.lowerBound] == 1
                else { continue }
            } else {
                let previous = index - 1
                let before = analysis.words[previous]
                guard before.upperBound == range.lowerBound, before.count >= 2, before.count <= 4 else { continue }
                let tag = analysis.wordTags[previous]
                let known = analysis.placeMark[before.lowerBound] == 1
                guard known || tag == 0 || tag == grammar.tagCodes["ns"] else { continue }
                guard scalars[before].allSatisfy(ScalarClass.isHan) else { continue }
                head = before
            }
            let name = head.lowerBound..<range.upperBound
            if let extended = spans.firstIndex(where: {
                $0.kind == .place && $0.range.upperBound == head.upperBound && $0.range.lowerBound <= head.lowerBound
            }) {
                spans[extended].range = spans[extended].range.lowerBound..<range.upperBound
                continue
            }
            guard !spans.contains(where: { $0.range.overlaps(name) }) else { continue }
            spans.append(EntitySpan(kind: .place, range: name))
        }
    }

    // MARK: - People

    /// A title or role followed by a name (`记者崔某`, `市长 王某某`): two or three Chinese
    /// characters starting with a family name, or a word the lexicon tags as a person's name.
    func addPeople(to spans: inout [EntitySpan]) {
        let scalars = analysis.scalars
        let words = analysis.words
        for (index, range) in words.enumerated() where grammar.personRoles.contains(Array(scalars[range])) {
            var next = index + 1
            while next < words.count && words[next].count == 0 { next += 1 }
            guard next < words.count else { continue }
            var start = words[next].lowerBound
            while start < scalars.count && ScalarClass.isSpace(scalars[start]) { start += 1 }
            guard start - range.upperBound <= 1, start < scalars.count else { continue }
            var length = 0
            let tag = analysis.wordTags[next]
            if tag == grammar.tagCodes["nr"], words[next].count <= 4 {
                length = words[next].count
            } else if grammar.surnames.contains(scalars[start]) {
                // Two or three Han characters, ending before punctuation or a word of two or more.
                var end = start
                while end < scalars.count && end - start < 3 && ScalarClass.isHan(scalars[end]) { end += 1 }
                let wordAfter = analysis.wordOf[min(end, scalars.count - 1)]
                if end - start == 3, end < scalars.count, wordAfter >= 0,
                    words[Int(wordAfter)].lowerBound != end
                {
                    end -= 1
                }
                length = end - start >= 2 ? end - start : 0
            }
            guard length >= 2 else { continue }
            let name = start..<(start + length)
            guard !spans.contains(where: { $0.range.overlaps(name) }) else { continue }
            spans.append(EntitySpan(kind: .person, range: name))
        }
    }
}
