import AlmanacModel
import AlmanacText

/// Turns a passage of Chinese news prose into facts: every figure with what it measures (`indicator`),
/// its change word, period, place and sentence.
///
/// The rules follow how economic reporting is written: the place and period a sentence opens with
/// hold for its later clauses, and for a following sentence that opens with 其中 (its sub-figures); a clause that only
/// adds a change (`，同比增长124.83%`) measures what the clause before it measured; `A、B分别…X、Y`
/// pairs subjects with figures in order; `A占B(的)比重N%` measures `A占B比重`; and a place after
/// 占/高于/居/较 is a comparison base, not the place the figure is about.
///
/// ```swift
/// let extractor = try FactExtractor.bundled()
/// let facts = extractor.facts(in: "上半年，岚江市担保贷款6.43亿元，同比增长12.5%。")
/// facts.map(\.indicator)   // ["担保贷款", "担保贷款"]
/// ```
public struct FactExtractor: Sendable {
    private let scanner = QuantityScanner()
    private let periodFinder = PeriodFinder()
    private let placeFinder: PlaceFinder
    private let changeFinder = ChangeFinder()
    private let indicatorFinder: IndicatorFinder

    /// Creates an extractor that reads words with `segmenter`.
    public init(segmenter: Segmenter) {
        placeFinder = PlaceFinder(lexicon: segmenter.lexicon)
        indicatorFinder = IndicatorFinder(segmenter: segmenter)
    }

    /// An extractor over the bundled lexicon and word model.
    public static func bundled() throws -> FactExtractor {
        FactExtractor(segmenter: try Segmenter.bundled())
    }

    /// The facts of `text`, in order; offsets count scalars of `text`.
    public func facts(in text: String) -> [Fact] {
        var facts: [Fact] = []
        appendFacts(in: text, scalars: text.scalarValues, knownPlaceStems: [], seq: nil, to: &facts) { fact, _ in fact }
        return facts
    }

    /// The facts of `scalars`, in order.
    public func facts(in scalars: [UInt32]) -> [Fact] {
        facts(in: scalars, knownPlaceStems: [])
    }

    /// The stems of places `text` names in full (岚江 of 岚江市): passed to `facts(in:knownPlaceStems:)`
    /// for the other parts of an article, so a headline's bare 岚江 reads as the place.
    public func placeStems(in text: String) -> Set<[UInt32]> {
        placeFinder.stems(in: text.scalarValues)
    }

    /// ``placeStems(in:)`` of a text given as its scalars.
    public func placeStems(inScalars scalars: [UInt32]) -> Set<[UInt32]> {
        placeFinder.stems(in: scalars)
    }

    /// The first reading of `scalars` for places (its places named by a suffix, and where later rules
    /// start): made once for an article whole, then lent to its parts
    /// (``appendFacts(in:knownPlaceStems:placeReading:seq:to:_:)``) and its stems.
    func placeReading(of scalars: [UInt32]) -> PlaceFinder.Reading {
        placeFinder.reading(of: scalars)
    }

    /// ``placeStems(in:)`` of a text whose first reading for places is made already.
    func placeStems(inScalars scalars: [UInt32], placeReading: PlaceFinder.Reading) -> Set<[UInt32]> {
        placeFinder.stems(in: scalars, reading: placeReading)
    }

    /// The facts of `scalars`, bare occurrences of `knownPlaceStems` read as places too.
    public func facts(in scalars: [UInt32], knownPlaceStems: Set<[UInt32]>) -> [Fact] {
        var facts: [Fact] = []
        appendFacts(
            in: String(scalarValues: scalars), scalars: scalars, knownPlaceStems: knownPlaceStems, seq: nil,
            to: &facts
        ) { fact, _ in fact }
        return facts
    }

    /// Appends the facts of `text` (whose scalar values are `scalars`), each with `seq`, to `found` as
    /// `wrap` makes them elements: a fact is moved into its element where it is made, not copied (with
    /// every string it holds retained) from a list of facts into another. `wrap` is also given the
    /// scalar range of the fact's sentence in `scalars`.
    ///
    /// `placeReading`, when given, is the first reading for places of a text that holds `scalars` at
    /// offset `placeReading.shift` (an article whole, its parts joined by line breaks), made there once.
    func appendFacts<Element>(
        in text: String, scalars: [UInt32], knownPlaceStems: Set<[UInt32]>,
        placeReading: PlaceFinder.Reading? = nil, seq: Int?,
        to found: inout [Element], _ wrap: (consuming Fact, Range<Int>) -> Element
    ) {
        let quantities = scanner.quantities(in: scalars)
        guard !quantities.isEmpty else { return }
        let periods = periodFinder.periods(in: scalars)
        let mentions =
            if let placeReading {
                placeFinder.mentions(in: scalars, reading: placeReading, knownStems: knownPlaceStems)
            } else {
                placeFinder.mentions(in: scalars, knownStems: knownPlaceStems)
            }
        let places = mentions.places
        let shelters = Shelters(scalars)
        var context = Context()
        // Working space for cutting the clause parts of every figure here.
        var buffers = IndicatorFinder.Buffers()
        var nextPeriod = 0
        var nextPlace = 0
        var nextOrganization = 0
        var next = 0
        var previousEnd: UInt32 = 0
        // A figure's sentence is cut from the text, sentence after sentence.
        var slices = TextSlices(text, scalars: scalars)
        for sentence in SentenceSplitter.ranges(in: scalars) {
            if context.paragraphEnd <= sentence.lowerBound {
                context = Context(paragraphEnd: paragraphEnd(in: scalars, from: sentence.lowerBound))
            }
            // A sentence refers back to the one before it when it opens with 其中 (its sub-figures) or
            // follows a semicolon (clauses of one statement, 岚江市有A 2家；B 3家).
            if !Scalars.matches(among, in: scalars, at: sentence.lowerBound), !semicolons.contains(previousEnd) {
                context.place = ""
                context.period = ""
            }
            previousEnd = scalars[sentence.upperBound - 1]
            // A sentence's quantities, periods and places are runs of the text's lists, read as slices
            // and not copied: most sentences hold no figure, and every array made for one (of ends, of
            // candidates, of its figures) was an allocation.
            while next < quantities.count, quantities[next].start < sentence.lowerBound { next += 1 }
            let firstInSentence = next
            while next < quantities.count, quantities[next].end <= sentence.upperBound { next += 1 }
            let inSentence = quantities[firstInSentence..<next]
            while nextPeriod < periods.count, periods[nextPeriod].range.lowerBound < sentence.lowerBound {
                nextPeriod += 1
            }
            while nextPlace < places.count, places[nextPlace].range.lowerBound < sentence.lowerBound { nextPlace += 1 }
            let sentencePeriods = periods[nextPeriod...].prefix { $0.range.lowerBound < sentence.upperBound }
            let periodEnds = SpanEnds(sentencePeriods)
            let sentencePlaces = subjectPlaces(
                places[nextPlace...].prefix { $0.range.lowerBound < sentence.upperBound }, in: scalars,
                sentence: sentence, periodEnds: periodEnds, quantities: inSentence, shelters: shelters)
            while nextOrganization < mentions.organizations.count,
                mentions.organizations[nextOrganization].range.lowerBound < sentence.lowerBound
            {
                nextOrganization += 1
            }
            // 岚江市总工会对…奖励5000元: an organization opening a clause is its subject, and has no place.
            let organizations = mentions.organizations[nextOrganization...]
                .prefix { $0.range.lowerBound < sentence.upperBound }
                .filter {
                    !shelters.contains($0.range.lowerBound) && isSubjectPlace($0, in: scalars)
                        && opensSubject($0, in: scalars, sentence: sentence, periodEnds: periodEnds)
                }
                .map { Span(range: $0.range, text: "") }
            // The places are in order already (and the sort keeps the order of equal starts).
            let subjects =
                organizations.isEmpty
                ? sentencePlaces : (sentencePlaces + organizations).sorted { $0.range.lowerBound < $1.range.lowerBound }
            let sentenceText = inSentence.isEmpty ? "" : slices.string(sentence)
            var previousIndicator = ""
            for position in inSentence.indices {
                let quantity = inSentence[position]
                if sentencePeriods.contains(where: { $0.range.overlaps(quantity.start..<quantity.end) }) { continue }
                // Read once for the figure (its indicator and its place both ask).
                let countsThings = Self.countedUnits(quantity.unit)
                let clause = clauseRange(in: scalars, around: quantity, within: sentence)
                let previousEnd = position > inSentence.startIndex ? inSentence[position - 1].end : clause.lowerBound
                let regionStart = max(clause.lowerBound, previousEnd)
                let change = changeFinder.change(in: scalars, region: regionStart..<quantity.start)
                let pairing = ListPairing.pair(
                    quantity, in: scalars, clause: clause, quantities: inSentence, places: sentencePlaces)
                var indicator = indicatorText(
                    for: quantity, in: scalars, clause: clause, regionStart: regionStart, change: change,
                    pairing: pairing, countsThings: countsThings, places: sentencePlaces, periods: sentencePeriods,
                    buffers: &buffers)
                indicator = IndicatorFinder.completed(
                    indicator, previous: previousIndicator,
                    isSubFigure: Scalars.matches(among, in: scalars, at: clause.lowerBound))
                previousIndicator = indicator
                var place = subjects.last { $0.range.upperBound <= quantity.start }?.text ?? context.place
                // 全市58777户: a place right before the figure is what it counts in.
                if let adjacent = Self.place(in: places, endingAt: quantity.start) { place = adjacent.text }
                // 110家岚江市企业: the place of what is counted, for this figure alone (looked for from the
                // sentence's places on: every place before them starts before the figure ends).
                if countsThings, let named = Self.place(in: places[nextPlace...], startingAt: quantity.end),
                    !shelters.contains(named.range.lowerBound), let last = named.text.unicodeScalars.last,
                    !PlaceFinder.localSuffixes.contains(last.value)  // 110个重点村: a kind of village
                {
                    place = named.text
                }
                if let subject = pairing?.subject, let named = places.first(where: { $0.range == subject }) {
                    place = named.text
                }
                let period =
                    sentencePeriods.last { $0.range.upperBound <= quantity.start }?.text
                    ?? sentencePeriods.first { clause.contains($0.range.lowerBound) }?.text ?? context.period
                var fact = Fact(
                    quantity: quantity, indicator: indicator, change: change?.text, period: period, place: place,
                    sentence: sentenceText)
                fact.seq = seq
                found.append(wrap(consume fact, sentence))
            }
            context.place = subjects.last?.text ?? context.place
            context.period = sentencePeriods.last?.text ?? context.period
        }
    }

    // MARK: - Pieces

    /// Whether a span of a sentence's run ends at an offset: the run read in place, not copied into
    /// an array of ends.
    private struct SpanEnds {
        let spans: ArraySlice<Span>

        init(_ spans: ArraySlice<Span>) { self.spans = spans }

        func contains(_ offset: Int) -> Bool { spans.contains { $0.range.upperBound == offset } }
    }

    /// The first of `places` (in order of their starts) that ends at `offset`. Read in the list, past
    /// no place that starts at `offset` or after it: a dictionary of the places by their ends (and
    /// one by their starts) was made for every passage with figures.
    private static func place(in places: [Span], endingAt offset: Int) -> Span? {
        for place in places {
            if place.range.lowerBound >= offset { break }
            if place.range.upperBound == offset { return place }
        }
        return nil
    }

    /// The first of `places` (in order of their starts) that starts at `offset`.
    private static func place(in places: ArraySlice<Span>, startingAt offset: Int) -> Span? {
        for place in places {
            if place.range.lowerBound > offset { break }
            if place.range.lowerBound == offset { return place }
        }
        return nil
    }

    /// What the paragraph carries from sentence to sentence.
    private struct Context {
        var paragraphEnd = 0
        var place = ""
        var period = ""
    }

    private func paragraphEnd(in scalars: [UInt32], from start: Int) -> Int {
        var index = start
        while index < scalars.count, scalars[index] != 0x0A { index += 1 }
        return index
    }

    /// The clause around a figure: between clause breaks (，；：), inside its sentence.
    private func clauseRange(in scalars: [UInt32], around quantity: Quantity, within sentence: Range<Int>) -> Range<Int>
    {
        let breaks = clauseBreaks
        var start = quantity.start
        while start > sentence.lowerBound, !breaks.contains(scalars[start - 1]) { start -= 1 }
        var end = quantity.end
        while end < sentence.upperBound, !breaks.contains(scalars[end]) { end += 1 }
        return start..<end
    }

    /// The places of a sentence that name what its figures are about: not sheltered (《…》, a quoted
    /// name), not a comparison base, not part of what a figure counts, and standing where a subject
    /// stands. A place after 、 takes the part of the list item before it (推动岚江苹果、青河葡萄: neither
    /// is a subject); 全省/全市/全县 name the whole area wherever they stand.
    private func subjectPlaces(
        _ candidates: ArraySlice<Span>, in scalars: [UInt32], sentence: Range<Int>, periodEnds: SpanEnds,
        quantities: ArraySlice<Quantity>, shelters: Shelters
    ) -> [Span] {
        var accepted: [Span] = []
        var previous: (end: Int, isSubject: Bool)?
        for place in candidates {
            let start = place.range.lowerBound
            var isSubject = false
            if shelters.contains(start) || !isSubjectPlace(place, in: scalars)
                || quantities.contains(where: { $0.end == start })
            {
                isSubject = false
            } else if scalars[start] == Self.whole {
                isSubject = true
            } else if start > sentence.lowerBound, scalars[start - 1] == Self.enumerationComma {
                // The list item before this one, in the same clause, decides.
                if let previous, !(previous.end..<start).contains(where: { clauseBreaks.contains(scalars[$0]) }) {
                    isSubject = previous.isSubject
                }
            } else {
                isSubject = opensSubject(place, in: scalars, sentence: sentence, periodEnds: periodEnds)
            }
            previous = (place.range.upperBound, isSubject)
            if isSubject { accepted.append(place) }
        }
        return accepted
    }

    /// Whether a place stands where a clause's subject stands: at the clause's start, after its period
    /// phrase, or after 在/据/和/与/及/、 — not inside an object (创建岚江省示范基地2个).
    private func opensSubject(_ place: Span, in scalars: [UInt32], sentence: Range<Int>, periodEnds: SpanEnds) -> Bool {
        let start = place.range.lowerBound
        if start <= sentence.lowerBound || periodEnds.contains(start) { return true }
        let previous = scalars[start - 1]
        return !ScalarClass.isHan(previous) || subjectLeads.contains(previous)
    }

    /// Whether a place mention names the subject, not a comparison base (占全市, 高于全省, 居全省).
    private func isSubjectPlace(_ place: Span, in scalars: [UInt32]) -> Bool {
        let start = place.range.lowerBound
        if start > 0, baseMarkers.contains(scalars[start - 1]) { return false }
        // 在全省率先: the whole province is the scope of a comparison, not the subject.
        if start > 0, scalars[start - 1] == 0x5728, scalars[start] == Self.whole,  // 在 全
            rankings.contains(where: { Scalars.matches($0, in: scalars, at: place.range.upperBound) })
        {
            return false
        }
        if Scalars.matches(average, in: scalars, at: place.range.upperBound) { return false }
        return true
    }

    private func indicatorText(
        for quantity: Quantity, in scalars: [UInt32], clause: Range<Int>, regionStart: Int, change: ChangeFinder.Match?,
        pairing: ListPairing?, countsThings: Bool, places: [Span], periods: ArraySlice<Span>,
        buffers: inout IndicatorFinder.Buffers
    ) -> String {
        // The range after the last place or period ending inside it (whatever their order: the
        // start only moves to the largest such end), read from both lists without joining them.
        func clipped(_ range: Range<Int>) -> Range<Int> {
            var start = range.lowerBound
            for span in places where span.range.upperBound > start && span.range.upperBound <= range.upperBound {
                start = max(start, span.range.upperBound)
            }
            for span in periods where span.range.upperBound > start && span.range.upperBound <= range.upperBound {
                start = max(start, span.range.upperBound)
            }
            return start..<max(start, range.upperBound)
        }
        // A占B(的)比重N%: the share of A in B.
        if let share = ShareClause.find(in: scalars, clause: clause, before: quantity.start) {
            var subject = indicatorFinder.preceding(
                in: scalars, range: clipped(clause.lowerBound..<share.marker), buffers: &buffers)
            if let pairing, !pairing.isPlace {
                let phrase = indicatorFinder.preceding(in: scalars, range: clipped(pairing.subject), buffers: &buffers)
                subject = phrase.isEmpty ? String(scalarValues: scalars[pairing.subject]) : phrase
            }
            let object = String(scalarValues: scalars[share.object])
            if !subject.isEmpty || !object.isEmpty { return subject + "占" + object }
        }
        if let pairing, !pairing.isPlace {
            let phrase = indicatorFinder.preceding(in: scalars, range: clipped(pairing.subject), buffers: &buffers)
            return phrase.isEmpty ? String(scalarValues: scalars[pairing.subject]) : phrase
        }
        if let change {
            if !change.isComparison {
                let object = indicatorFinder.preceding(
                    in: scalars, range: clipped(change.range.upperBound..<quantity.start), buffers: &buffers)
                if object.unicodeScalars.count >= 2 { return object }
            }
            return indicatorFinder.preceding(
                in: scalars, range: clipped(regionStart..<change.range.lowerBound), buffers: &buffers)
        }
        let beforeRange = indicatorFinder.precedingPhrase(
            in: scalars, range: clipped(regionStart..<quantity.start), buffers: &buffers)
        let before = String(scalarValues: scalars[beforeRange])
        // 投资53亿元的…项目: the figure modifies what follows, but its noun stands before it.
        let modifiesNext = quantity.end < scalars.count && scalars[quantity.end] == Self.de
        // Looked up only when it decides (the phrase read where it stands, not decoded back).
        if countsThings,
            !(modifiesNext && !before.isEmpty && !indicatorFinder.isSingleVerb(scalars[beforeRange]))
        {
            let after = indicatorFinder.following(
                in: scalars, range: quantity.end..<clause.upperBound, buffers: &buffers)
            if !after.isEmpty { return after }
        }
        return before
    }

    // The tables are the extractor's own, not globals: on Linux every read of a global is a call that
    // checks it was made, and they are read sentence by sentence and figure by figure.

    private let among: [UInt32] = "其中".scalarValues
    private let semicolons = Scalars.set("；;")
    static let whole: UInt32 = 0x5168  // 全
    static let enumerationComma: UInt32 = 0x3001  // 、
    /// What follows 在全省 when the province is the field of a ranking (在全省率先, 在全市排名第一).
    private let rankings: [[UInt32]] = ["率先", "前列", "领先", "排名", "排在", "排位", "位居", "位列", "名列", "居", "第", "首", "同类"]
        .map(\.scalarValues)
    /// Characters before a place that make it a comparison base or a recipient (占全市, 高于全省, 为全市).
    private let subjectLeads = Scalars.set("在据和与及、从今年市省县区")
    private let baseMarkers = Scalars.set("占于比较居列超为向")
    private let average: [UInt32] = "平均".scalarValues
    private let clauseBreaks = Scalars.clauseBreaks
    static let de: UInt32 = 0x7684  // 的
    /// Whether a unit counts things that may be named after it (户 家 个 吨), unlike money and shares.
    ///
    /// Read on the unit's scalars: a unit is written from the unit table's words, whose last scalar is
    /// never a combining mark, so its last scalar is 元 exactly when its last character is. A unit is
    /// compared with a share's only when it ends as that one does (comparing with all three was most of
    /// the cost of a figure's place).
    static func countedUnits(_ unit: String) -> Bool {
        guard let last = unit.unicodeScalars.last else { return false }
        switch last.value {
        case 0x5143: return false  // 元
        case 0x25: return !QuantityScanner.unit(unit, is: "%")
        case 0x70B9: return !QuantityScanner.unit(unit, is: "个百分点")  // 点
        case 0x500D: return !QuantityScanner.unit(unit, is: "倍")
        default: return true
        }
    }
}
