import AlmanacModel
import AlmanacText

/// What an archive stores for a fact besides its quantity's numbers, in its compact form.
///
/// Worked out for all the facts of an article at once (each field is cut into scalars once, not once
/// a fact), by the SQLite writer before it takes the write lock.
struct FactColumns: Sendable {
    /// The printed figure, or `''` when it is the span of its field (a caption's spans do not say
    /// which caption, so a caption's figure keeps its text).
    var text: String
    /// The sentence, or `''` when it is stored as offsets into its field (``FactSentence``).
    var sentence: String
    var sentenceStart: Int?
    var sentenceEnd: Int?
    /// The indicator as printed, or `''` when it is its own key.
    var indicator: String
    var indicatorKey: String

    /// The indicator keys of a batch's facts (columns by page, then article), each once, in the order
    /// writers create them (so two PostgreSQL writers never wait on each other's new keys in a cycle).
    static func indicatorKeys(of columns: [[[FactColumns]]]) -> [String] {
        Set(columns.joined().joined().map(\.indicatorKey)).sorted()
    }

    /// The columns of `facts`, read from `article`; `sentences`, when given for every fact, are where
    /// their sentences lie in their fields (``AlmanacModel/ExtractedArticle/factSentences``).
    static func of(
        _ facts: [(field: ArticleField, fact: Fact)], in article: Article, sentences: [Range<Int>]? = nil
    ) -> [FactColumns] {
        let sentences = sentences.flatMap { $0.count == facts.count ? $0 : nil }
        var scalars: [ArticleField: [UInt32]] = [:]
        func fieldScalars(_ field: ArticleField) -> [UInt32]? {
            if let cut = scalars[field] { return cut }
            let text: String
            switch field {
            case .headline: text = article.headline
            case .subheadline: text = article.subheadline
            case .body: text = article.body
            case .caption: return nil
            }
            let cut = text.scalarValues
            scalars[field] = cut
            return cut
        }
        // Neighbouring facts mostly share their sentence and often their indicator: each is cut into
        // scalars, or made a key, once for a run of facts that share it.
        var last: (indicator: String, key: String)? = nil
        var lastSentence: (text: String, scalars: [UInt32])? = nil
        return facts.indices.map { index in
            let (field, fact) = facts[index]
            let quantity = fact.quantity
            let key: String
            if let last, last.indicator == fact.indicator {
                key = last.key
            } else {
                key = IndicatorKey.make(fact.indicator)
                last = (fact.indicator, key)
            }
            var columns = FactColumns(
                text: quantity.text, sentence: fact.sentence, indicator: key == fact.indicator ? "" : fact.indicator,
                indicatorKey: key)
            // A caption's facts keep their text: the field does not say which caption.
            guard field != .caption else { return columns }
            let sentence: [UInt32]
            if let lastSentence, lastSentence.text == fact.sentence {
                sentence = lastSentence.scalars
            } else {
                sentence = fact.sentence.scalarValues
                lastSentence = (fact.sentence, sentence)
            }
            let printed = quantity.start..<max(quantity.start, quantity.end)
            /// Whether `scalars`, which start at offset `shift` of the field, print the figure's text
            /// at its offsets (then the row keeps the offsets, not the text).
            func holdsFigure(_ scalars: [UInt32], from shift: Int) -> Bool {
                let start = quantity.start - shift
                let end = quantity.end - shift
                return !quantity.text.isEmpty && start >= 0 && start <= end && end <= scalars.count
                    && scalars[start..<end].elementsEqual(quantity.text.unicodeScalars.lazy.map(\.value))
            }
            let range: Range<Int>
            if let given = sentences?[index], FactSentence.fits(sentence, at: given, holding: printed) {
                // The field is not read at all: the figure is checked against the sentence.
                range = given
                if holdsFigure(sentence, from: given.lowerBound) { columns.text = "" }
            } else {
                guard let field = fieldScalars(field) else { return columns }
                if holdsFigure(field, from: 0) { columns.text = "" }
                guard let found = FactSentence.locate(sentence, in: field, holding: printed) else { return columns }
                range = found
            }
            (columns.sentence, columns.sentenceStart, columns.sentenceEnd) = ("", range.lowerBound, range.upperBound)
            return columns
        }
    }
}
