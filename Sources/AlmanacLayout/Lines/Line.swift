/// One non-blank line of a page, cleaned of markup, with the features layout decisions read.
///
/// Features are computed once when the line is read, so later passes never rescan the text.
struct Line: Sendable {
    /// The text without markdown heading marks, bold marks, bullets or surrounding white space.
    var text: [Unicode.Scalar]
    /// The markdown heading level (`#` = 1), 0 for a plain line.
    var level: Int
    /// Blank lines between this line and the previous non-blank one.
    var gapBefore: Int
    /// Whether the line began with a label bullet such as ■.
    var bulleted: Bool
    /// Scalars that are not white space.
    var length: Int
    /// Whether the text ends a sentence (。！？ possibly followed by closing quotes).
    var endsSentence: Bool
    /// Sentence-final marks before the last one.
    var innerSentenceEnds: Int
    var commas: Int
    var digits: Int
    var han: Int

    init(text: [Unicode.Scalar], level: Int, gapBefore: Int, bulleted: Bool) {
        self.text = text
        self.level = level
        self.gapBefore = gapBefore
        self.bulleted = bulleted
        var length = 0, commas = 0, digits = 0, han = 0
        // Sentence marks counted once per run (an ellipsis is two scalars).
        var runs = 0
        var previousWasEnd = false
        for s in text {
            // Most of a page is Chinese characters: count them and move on.
            if s.value >= 0x4E00 && s.value <= 0x9FFF {
                length += 1
                han += 1
                previousWasEnd = false
                continue
            }
            let isEnd = Scalars.isSentenceEnd(s)
            if isEnd && !previousWasEnd { runs += 1 }
            previousWasEnd = isEnd
            if Scalars.isSpace(s) { continue }
            length += 1
            if s.value < 0x80 {
                if Scalars.isDigit(s) { digits += 1 } else if s == "," || s == ";" { commas += 1 }
            } else if Scalars.isHan(s) {
                han += 1
            } else if Scalars.isComma(s) {
                commas += 1
            } else if Scalars.isDigit(s) {
                digits += 1
            }
        }
        self.length = length
        self.endsSentence = text.endsSentence
        self.innerSentenceEnds = max(0, (endsSentence ? runs - 1 : runs))
        self.commas = commas
        self.digits = digits
        self.han = han
    }

    /// The last visible scalar before any closing quotes or brackets.
    var lastMark: Unicode.Scalar? {
        var i = text.count - 1
        while i >= 0, Scalars.isSpace(text[i]) || Scalars.isCloser(text[i]) { i -= 1 }
        return i >= 0 ? text[i] : nil
    }

    /// A short line that could be a headline: no sentence inside, not ending in a comma or sentence mark.
    var isTitleLike: Bool {
        guard length >= 2, length <= 32, innerSentenceEnds == 0, commas <= 1, han * 2 >= length else { return false }
        if endsSentence { return false }
        if let last = lastMark, Scalars.isClauseEnd(last) { return false }
        return true
    }

    /// A line that could be a deck or figure line under a headline: may hold commas, no full sentence.
    var isDeckLike: Bool {
        guard length >= 2, length <= 50, innerSentenceEnds == 0, commas <= 3 else { return false }
        if endsSentence { return false }
        if let last = lastMark, Scalars.isClauseEnd(last) { return false }
        return true
    }

    /// A line that reads as a figure line: it reports a number.
    var isFigureLike: Bool { digits > 0 }

    /// Whether the line opens with a dash, as a subtitle (——…纪实) does.
    var startsWithDash: Bool {
        guard let first = text.first else { return false }
        return Scalars.isDash(first)
    }

    /// A short single sentence, the shape of a photo caption.
    var isCaptionShaped: Bool {
        length >= 4 && length <= 80 && innerSentenceEnds == 0 && level == 0
    }
}
