import AlmanacExtract
import AlmanacLayout
import AlmanacModel
import AlmanacStore
import AlmanacText

/// Everything ingest reads out of one page: its articles, their facts and the named things they mention.
///
/// A pure function of the page: layout rebuilds the articles, ``FactExtractor`` reads the figures of
/// each article's headline, subheadline, captions and body, and the mention finder reads named things
/// from the same fields with the bundled ``EntityRecognizer`` unless another finder is injected.
///
/// ```swift
/// let extraction = try PageExtraction.bundled()
/// let extracted = extraction.extract(page)   // an ExtractedPage, ready for Store.save
/// ```
public struct PageExtraction: Sendable {
    /// Reads the named things of one text (a headline, a caption, a body); offsets count its scalars.
    public typealias MentionFinder = @Sendable (String) -> [Mention]

    /// Reads the named things of one text and gives the words it was cut into on the way
    /// (`Segmenter.wordRanges(in:)` of its scalars, by the segmenter of ``searchText``).
    /// It reads the text's scalar values, decoded once for its facts too.
    public typealias SegmentingMentionFinder = @Sendable ([UInt32]) -> (mentions: [Mention], words: [Range<Int>])

    public var layout: PageLayout
    public var facts: FactExtractor
    public var mentions: MentionFinder
    /// When set, `mentions` is read in place of ``mentions`` and lends its words to each article's
    /// search-index words, cut here by `searchText` (``ExtractedArticle/indexWords``), which a store
    /// would otherwise cut again: the same cutting of the headline and body, twice a page.
    /// `searchText` must cut with the segmenter `mentions` cuts with.
    public var indexing: (mentions: SegmentingMentionFinder, searchText: SearchText)?

    /// A finder that finds nothing.
    public static let noMentions: MentionFinder = { _ in [] }

    public init(layout: PageLayout = PageLayout(), facts: FactExtractor, mentions: @escaping MentionFinder = noMentions)
    {
        self.layout = layout
        self.facts = facts
        self.mentions = mentions
    }

    /// Layout, the bundled fact extractor and the bundled ``EntityRecognizer``.
    public static func bundled() throws -> PageExtraction {
        let recognizer = try EntityRecognizer.bundled()
        var extraction = PageExtraction(facts: try FactExtractor.bundled(), mentions: { recognizer.mentions(in: $0) })
        extraction.indexing = (
            { recognizer.mentionsAndWords(inScalars: $0) }, SearchText(segmenter: recognizer.segmenter)
        )
        return extraction
    }

    /// Layout and the bundled fact extractor, with `mentions` as the mention finder.
    public static func bundled(mentions: @escaping MentionFinder) throws -> PageExtraction {
        PageExtraction(facts: try FactExtractor.bundled(), mentions: mentions)
    }

    /// The page's articles with their facts and mentions.
    ///
    /// A page that comes without a date gets the one its text implies (``PageDateInference``, marked
    /// `inferred`); with a date, each fact's period phrase is resolved to the days it covers.
    public func extract(_ page: Page) -> ExtractedPage {
        var page = page
        if page.date == nil, let decision = PageDate.decide(given: nil, fileName: nil, text: page.text) {
            page.date = decision.date
            page.dateSource = decision.source
        }
        let resolver = page.date.flatMap { CalendarDay($0) }.map { PeriodResolver(pageDate: $0) }
        // Decoded once for the layout and the place stems.
        let scalars = page.text.scalarValues
        let articles = layout.articles(inScalars: scalars)
        let stems = facts.placeStems(inScalars: scalars)
        var extracted = articles.map { extract($0, pageStems: stems) }
        if let resolver {
            for index in extracted.indices {
                for fact in extracted[index].facts.indices {
                    let period = extracted[index].facts[fact].fact.period
                    extracted[index].facts[fact].fact.resolvedPeriod = resolver.resolve(period)
                }
            }
        }
        return ExtractedPage(page: page, articles: extracted)
    }

    /// One article's facts (with the place stems named elsewhere on its page) and mentions.
    public func extract(_ article: Article, pageStems: Set<[UInt32]> = []) -> ExtractedArticle {
        let parts = article.parts
        // Each part decoded once, for its facts and (with `indexing`) its mentions.
        let partScalars = parts.map(\.text.scalarValues)
        let read = facts.facts(in: article, partScalars: partScalars, pageStems: pageStems)
        let found = read.map { (field: ArticleField($0.part), fact: $0.fact) }
        var named: [(field: ArticleField, mention: Mention)] = []
        // The words `indexing` cut the headline and body into, lent to the search-index words.
        var headlineWords: [Range<Int>]?
        var bodyWords: [Range<Int>]?
        for ((text, part), scalars) in zip(parts, partScalars) where !text.isEmpty {
            let field = ArticleField(part)
            guard let indexing else {
                named += mentions(text).map { (field, $0) }
                continue
            }
            let (found, words) = indexing.mentions(scalars)
            named += found.map { (field, $0) }
            if part == .headline { headlineWords = words }
            if part == .body { bodyWords = words }
        }
        var extracted = ExtractedArticle(article: article, facts: found, mentions: named)
        extracted.factSentences = read.map(\.sentence)
        extracted.indexWords = indexing?.searchText.indexWords(
            of: article, headlineWords: headlineWords, bodyWords: bodyWords)
        return extracted
    }
}

extension ArticleField {
    /// The field a fact of this part was read from.
    init(_ part: ArticlePart) {
        switch part {
        case .headline: self = .headline
        case .subheadline: self = .subheadline
        case .caption: self = .caption
        case .body: self = .body
        }
    }
}
