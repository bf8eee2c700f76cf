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
            guard grammar.companySuffixes.contains(analysis.scalars[range], hash: analysis.wordHashes[index]) else {
                continue
            }
            var headEnd = index
            if let tagged = spans.first(where: { $0.range.overlaps(range) && $0.kind != .place }) {
                // The tagger marked the suffix alone (股份有限公司) as the name: its head is still to find.
                guard tagged.kind == .organization, tagged.range.upperBound == range.upperBound,
                    tagged.range.count <= range.count + 1
                else { continue }
                let w = Int(analysis.wordOf[tagged.range.lowerBound])
                guard w >= 0, words[w].lowerBound == tagged.range.lowerBound else { continue }
                headEnd = w
            }
            guard let start = headStart(before: headEnd, spans: spans), range.upperBound - start >= range.count + 2
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
        // Ordinals and counts (第三大, 几家) are not part of a name.
        if analysis.scalars[range].contains(where: { grammar.numeralScalars.contains($0) || ScalarClass.isDigit($0) }) {
            return false
        }
        return !grammar.stopTags.contains(analysis.wordTags[index])
    }

    // MARK: - Places below the county

    /// 镇/乡/村/街道/社区/园区/开发区/工业园 names: a head that is a known place, a lexicon place
    /// word or a word the lexicon lacks, and the suffix.
    func addLocalPlaces(to spans: inout [EntitySpan]) {
        let scalars = analysis.scalars
        var index = 2
        while index < scalars.count {
            guard grammar.localPlaceFirsts.contains(scalars[index]),
                let suffix = grammar.localPlaceSuffixesByLength.first(where: {
                    index + $0.count <= scalars.count && scalars[index..<index + $0.count].elementsEqual($0)
                })
            else {
                index += 1
                continue
            }
            defer { index += suffix.count }
            let end = index + suffix.count
            // 镇长, 村民, 乡镇: the suffix character begins a longer word of the lexicon.
            if suffix.count == 1, analysis.marks[index].longestStarting >= 2 { continue }
            let limit = suffix.count == 1 ? 3 : 8
            var start = index
            while start > 0 && index - start < limit {
                let value = scalars[start - 1]
                guard ScalarClass.isHan(value), !grammar.headStops.contains(value) else { break }
                if spans.contains(where: { $0.range.upperBound == start }) { break }
                let w = Int(analysis.wordOf[start - 1])
                if w >= 0, analysis.words[w].count >= 2, grammar.stopTags.contains(analysis.wordTags[w]) { break }
                // A word crossing into the suffix (城镇, 农村) is no name.
                if w >= 0, analysis.words[w].upperBound > index, analysis.wordTags[w] != 0 { break }
                start -= 1
            }
            // Keep whole lexicon words: a head must not start inside one.
            while start < index, analysis.wordOf[start] >= 0, analysis.wordTags[Int(analysis.wordOf[start])] != 0,
                analysis.words[Int(analysis.wordOf[start])].lowerBound < start
            {
                start += 1
            }
            guard index - start >= 2 else { continue }
            let name = start..<end
            if let extended = spans.firstIndex(where: { $0.kind == .place && $0.range.upperBound == index }) {
                if suffix.count >= 2 { spans[extended].range = spans[extended].range.lowerBound..<end }
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
        for (index, range) in words.enumerated()
        where grammar.personRoles.contains(scalars[range], hash: analysis.wordHashes[index]) {
            var next = index + 1
            while next < words.count && words[next].count == 0 { next += 1 }
            guard next < words.count else { continue }
            var start = words[next].lowerBound
            while start < scalars.count && ScalarClass.isSpace(scalars[start]) { start += 1 }
            guard start - range.upperBound <= 1, start < scalars.count else { continue }
            let byline = grammar.bylineRoles.contains(scalars[range], hash: analysis.wordHashes[index])
            let length = byline ? bylineNameLength(at: start) : nameLength(at: start)
            guard length >= 2 else { continue }
            let name = start..<(start + length)
            guard !spans.contains(where: { $0.range.overlaps(name) }) else { continue }
            spans.append(EntitySpan(kind: .person, range: name))
        }
    }

    /// The length of a person's name starting at `start` after a title: a word the segmenter's model
    /// made of an unknown name (tag none or nr, two to four characters), or a family name alone
    /// followed by a word of one or two characters that is no verb, adverb or function word; else 0.
    func nameLength(at start: Int) -> Int {
        let scalars = analysis.scalars
        let w = Int(analysis.wordOf[start])
        guard w >= 0, analysis.words[w].lowerBound == start else { return 0 }
        let word = analysis.words[w]
        let tag = analysis.wordTags[w]
        let allHan = scalars[word].allSatisfy(ScalarClass.isHan)
        if word.count >= 2 {
            guard allHan, word.count <= 4, tag == 0 || tag == grammar.personTagCode else { return 0 }
            let surname = grammar.surnames.contains(scalars[start])
                || (word.count >= 3 && grammar.compoundSurnames.contains(scalars[start], scalars[start + 1]))
            return surname || tag == grammar.personTagCode ? word.count : 0
        }
        guard grammar.surnames.contains(scalars[start]), w + 1 < analysis.words.count else { return 0 }
        let given = analysis.words[w + 1]
        guard given.lowerBound == word.upperBound, given.count <= 2, scalars[given].allSatisfy(ScalarClass.isHan),
            !grammar.stopTags.contains(analysis.wordTags[w + 1]), !grammar.headStops.contains(scalars[given.lowerBound])
        else { return 0 }
        return 1 + given.count
    }

    /// After 记者, 通讯员 …: two or three Chinese characters from a family name up to what closes a
    /// byline (报道, 摄, a space, punctuation, the end), else `nameLength(at:)`.
    func bylineNameLength(at start: Int) -> Int {
        let scalars = analysis.scalars
        let compound = start + 1 < scalars.count && grammar.compoundSurnames.contains(scalars[start], scalars[start + 1])
        guard grammar.surnames.contains(scalars[start]) || compound else { return 0 }
        for length in (compound ? [4, 3] : [3, 2]) where start + length <= scalars.count {
            guard scalars[start..<start + length].allSatisfy(ScalarClass.isHan) else { continue }
            let after = start + length
            if after == scalars.count || !ScalarClass.isHan(scalars[after]) || grammar.bylineClosers.contains(where: {
                after + $0.count <= scalars.count && scalars[after..<after + $0.count].elementsEqual($0)
            }) {
                return length
            }
        }
        return nameLength(at: start)
    }
}
