import AlmanacModel

/// Where a fact's sentence lies in the article field it was read from.
///
/// The archive keeps these offsets rather than a copy of the sentence — on a page full of figures
/// the copies weighed more than the articles — and cuts the sentence out of the field when a fact
/// is read (`substr` counts code points, as the offsets do, on both drivers). A sentence that cannot
/// be found in its field, or one read from a caption (a fact does not say which caption), is kept
/// as text.
enum FactSentence {
    /// The scalar range of an occurrence of `sentence` in `text` that holds `quantity`, if any.
    static func locate(
        _ needle: [UInt32], in haystack: [UInt32], holding quantity: Range<Int>
    ) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count, quantity.upperBound <= haystack.count else { return nil }
        // The occurrence must start at or before the quantity and end at or after it.
        let first = max(0, quantity.upperBound - needle.count)
        let last = min(quantity.lowerBound, haystack.count - needle.count)
        guard first <= last else { return nil }
        for start in first...last where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }

    /// Whether `sentence` can lie at `range` of its field and hold `quantity` there: as long as the
    /// range, and holding the quantity, as an occurrence ``locate(_:in:holding:)`` finds would.
    static func fits(_ sentence: [UInt32], at range: Range<Int>, holding quantity: Range<Int>) -> Bool {
        !sentence.isEmpty && range.lowerBound >= 0 && range.count == sentence.count
            && range.lowerBound <= quantity.lowerBound && quantity.upperBound <= range.upperBound
    }

    /// The SQL expression of a fact row's sentence, for statements that join `fact` to `article`.
    static func expression(_ dialect: SQLDialect) -> String {
        """
        CASE WHEN fact.sentence_start IS NULL THEN fact.sentence
            ELSE substr(\(fieldText(dialect)), fact.sentence_start + 1, fact.sentence_end - fact.sentence_start) END
        """
    }

    /// The SQL expression of the text of a fact row's field (the body for a caption's, whose rows keep
    /// their own text).
    static func fieldText(_ dialect: SQLDialect) -> String {
        """
        CASE fact.field WHEN 'headline' THEN article.headline WHEN 'subheadline' THEN article.subheadline
            ELSE \(dialect.bodyText("article.body")) END
        """
    }
}
