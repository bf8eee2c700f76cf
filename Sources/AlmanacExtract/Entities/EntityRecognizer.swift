import AlmanacModel
import AlmanacText

/// Finds the organisations, places, people and projects a text names, with their offsets.
///
/// A character tagger (``EntityTagger``, trained on a BIO corpus; features from the segmenter's
/// words and jieba tags, the administrative-division table and the grammar of names) marks
/// person, place and organisation names; rules then add what the grammar makes certain and the
/// tagger missed — company names ending in a legal suffix, 镇/乡/村/街道/开发区 names, a
/// byline's or a title's person — link the short forms a text defines
/// (`（以下简称“岚钢”）`) to the full name, and read project phrases
/// (`总投资12亿元的…项目`, `…项目开工`) with their investment, stage and place.
///
/// ```swift
/// let recognizer = try EntityRecognizer.bundled()
/// for mention in recognizer.mentions(in: "岚江市钢铁有限公司（以下简称“岚钢”）今年…") {
///     print(mention.kind, mention.text, mention.start, mention.end, mention.name)
/// }
/// ```
/// Offsets count Unicode scalars of the text as given, `end` exclusive. The value is immutable and
/// may be shared between tasks.
public struct EntityRecognizer: Sendable {
    let grammar: EntityGrammar
    let tagger: EntityTagger
    /// Whether the rules run after the tagger (off only to measure the tagger alone).
    public var rules = true

    /// The recogniser over the bundled lexicon, place table and model.
    public static func bundled() throws -> EntityRecognizer {
        EntityRecognizer(grammar: try EntityGrammar.bundled(), tagger: try EntityTagger.bundled())
    }

    /// A recogniser over the bundled lexicon and place table with the model in `modelBytes`
    /// (the bytes of a file written by `almanac-bench train-entities`).
    public init(modelBytes: [UInt8]) throws {
        self.init(grammar: try EntityGrammar.bundled(), tagger: try EntityTagger(bytes: modelBytes))
    }

    init(grammar: EntityGrammar, tagger: EntityTagger) {
        self.grammar = grammar
        self.tagger = tagger
    }

    /// The place table the recogniser reads.
    public var places: PlaceTable { grammar.places }

    /// The segmenter whose words the recogniser reads (``mentionsAndWords(in:)`` gives them).
    public var segmenter: Segmenter { grammar.segmenter }

    /// The mentions of `text`, in order of their start, not overlapping.
    public func mentions(in text: String) -> [Mention] {
        mentionsAndWords(in: text).mentions
    }

    /// The mentions of `text` and the words it was cut into on the way: ``segmenter``'s
    /// `wordRanges(in:)` of its scalars, for a caller that needs them too (a search index).
    public func mentionsAndWords(in text: String) -> (mentions: [Mention], words: [Range<Int>]) {
        mentionsAndWords(inScalars: text.scalarValues)
    }

    /// ``mentions(in:)`` of the text whose scalar values are `raw` (`text.scalarValues`).
    public func mentions(inScalars raw: [UInt32]) -> [Mention] {
        mentionsAndWords(inScalars: raw).mentions
    }

    /// ``mentionsAndWords(in:)`` of the text whose scalar values are `raw`, for a caller that has
    /// them already (an article's parts, decoded once for their facts and their mentions).
    public func mentionsAndWords(inScalars raw: [UInt32]) -> (mentions: [Mention], words: [Range<Int>]) {
        guard !raw.isEmpty else { return ([], []) }
        let analysis = TextAnalysis(raw, grammar: grammar)
        let path = tagger.decode(CharacterContext(analysis, grammar: grammar))
        var spans = EntitySpan.spans(fromLabels: path)
        if rules {
            spans = EntityRules(grammar: grammar, analysis: analysis).complete(spans)
        }
        return (EntitySpan.mentions(spans, in: raw, analysis: analysis, grammar: grammar), analysis.words)
    }
}

/// A mention while it is being found: kind, scalar range, and the canonical name's range when it
/// is a short form.
struct EntitySpan: Sendable, Hashable {
    var kind: EntityKind
    var range: Range<Int>
    var canonical: String?
    var project: ProjectDetails?

    init(kind: EntityKind, range: Range<Int>, canonical: String? = nil, project: ProjectDetails? = nil) {
        self.kind = kind
        self.range = range
        self.canonical = canonical
        self.project = project
    }

    /// The names of a label path of ``EntityTagger`` (BIO, as Viterbi allows it: `I-X` only after
    /// `B-X` or `I-X`), read the way ``NERSpan/spans(fromTags:)`` reads the labels' names.
    static func spans(fromLabels path: [Int]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        // The open name as its kind and range, built into a span only when it closes.
        var openKind: EntityKind?
        var openStart = 0
        var openEnd = 0
        for (index, label) in path.enumerated() {
            // Labels: 0 O, then B and I of PER (1, 2), LOC (3, 4), ORG (5, 6).
            let type = label == 0 ? -1 : (label - 1) / 2
            if label != 0 && label % 2 == 0, let kind = openKind, kind == Self.kind(ofType: type) {
                openEnd = index + 1
                continue
            }
            if let kind = openKind { spans.append(EntitySpan(kind: kind, range: openStart..<openEnd)) }
            openKind = label == 0 ? nil : Self.kind(ofType: type)
            openStart = index
            openEnd = index + 1
        }
        if let kind = openKind { spans.append(EntitySpan(kind: kind, range: openStart..<openEnd)) }
        return spans
    }

    private static func kind(ofType type: Int) -> EntityKind {
        switch type {
        case 0: .person
        case 1: .place
        default: .organization
        }
    }

    static func mentions(
        _ spans: [EntitySpan], in raw: [UInt32], analysis: TextAnalysis, grammar: EntityGrammar
    ) -> [Mention] {
        spans.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { span in
            Mention(
                text: String(scalarValues: raw[span.range]), kind: span.kind, start: span.range.lowerBound,
                end: span.range.upperBound, name: span.canonical, project: span.project)
        }
    }
}
