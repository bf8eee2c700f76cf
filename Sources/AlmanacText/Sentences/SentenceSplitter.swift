/// A sentence of a text and where it lies.
public struct Sentence: Sendable, Equatable {
    /// Scalar offsets in the text given to the splitter, white space at the edges excluded.
    public var range: Range<Int>
    /// The sentence's text.
    public var text: String

    /// Creates a sentence.
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}

/// Splits Chinese text into sentences.
///
/// A sentence ends at `。！？；…` (and `!?;` or a `.` that is not inside a number), together with
/// the closing quotes and brackets that follow; a line break always ends one. Terminators inside
/// quotes or brackets do not split, so quoted speech stays whole; an unclosed quote is forgotten at
/// the end of its line. `6.43` is never split.
///
/// ```swift
/// SentenceSplitter.sentences(in: "他说：“好。”增长6.43%。").map(\.text)
/// // ["他说：“好。”", "增长6.43%。"]
/// ```
public enum SentenceSplitter {
    /// The sentences of `text`, in order.
    public static func sentences(in text: String) -> [Sentence] {
        let scalars = text.scalarValues
        return ranges(in: scalars).map { Sentence(range: $0, text: String(scalarValues: scalars[$0])) }
    }

    /// The sentence ranges of `scalars`, in order, white space at their edges excluded.
    public static func ranges(in scalars: [UInt32]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var depth = 0
        var insideStraightQuote = false
        var index = 0
        func close(at end: Int) {
            var lower = start
            var upper = end
            while lower < upper, ScalarClass.isSpace(scalars[lower]) { lower += 1 }
            while upper > lower, ScalarClass.isSpace(scalars[upper - 1]) { upper -= 1 }
            if lower < upper { result.append(lower..<upper) }
            start = end
        }
        while index < scalars.count {
            let value = scalars[index]
            // Most scalars are Chinese characters, which are none of the marks below: passed over
            // with one test instead of five.
            if ScalarClass.isHan(value) {
                index += 1
                continue
            }
            if value == 0x0A || value == 0x0D {
                close(at: index)
                depth = 0
                insideStraightQuote = false
                index += 1
                start = index
                continue
            }
            if isOpener(value) {
                depth += 1
            } else if isCloser(value) {
                depth = max(0, depth - 1)
            } else if value == 0x22 {
                insideStraightQuote.toggle()
            } else if isTerminator(scalars, at: index) {
                var end = index + 1
                while end < scalars.count, isTerminator(scalars, at: end) || scalars[end] == 0x2026 { end += 1 }
                // Closing quotes and brackets right after the terminator belong to the sentence.
                var closedDepth = depth
                while end < scalars.count,
                    isCloser(scalars[end]) || (scalars[end] == 0x22 && insideStraightQuote)
                {
                    if scalars[end] == 0x22 {
                        insideStraightQuote = false
                    } else {
                        closedDepth = max(0, closedDepth - 1)
                    }
                    end += 1
                }
                depth = closedDepth
                if depth == 0 && !insideStraightQuote {
                    close(at: end)
                }
                index = end
                continue
            }
            index += 1
        }
        close(at: scalars.count)
        return result
    }

    // MARK: - Characters

    static func isTerminator(_ scalars: [UInt32], at index: Int) -> Bool {
        let value = scalars[index]
        switch value {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x2026, 0xFF61, 0x21, 0x3F, 0x3B:  // 。！？；… ｡ ! ? ;
            return true
        case 0x2E, 0xFF0E:  // . ．: not in a number, not in an abbreviation or a Latin word
            let next = index + 1 < scalars.count ? scalars[index + 1] : 0x20
            let previous = index > 0 ? scalars[index - 1] : 0x20
            if ScalarClass.isDigit(next) && ScalarClass.isDigit(previous) { return false }
            if ScalarClass.isLatin(next) || ScalarClass.isDigit(next) { return false }
            return ScalarClass.isSpace(next) || ScalarClass.isHan(next) || isCloser(next)
                || index + 1 == scalars.count || next == 0x22
        default:
            return false
        }
    }

    /// Whether `value` opens a quote or bracket: “ ‘ 「 『 （ ( 《 【 [ 〈 〔 (a switch: this runs for every scalar).
    @inline(__always)
    static func isOpener(_ value: UInt32) -> Bool {
        switch value {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x28, 0x300A, 0x3010, 0x5B, 0x3008, 0x3014: return true
        default: return false
        }
    }

    /// Whether `value` closes a quote or bracket: ” ’ 」 』 ） ) 》 】 ] 〉 〕.
    @inline(__always)
    static func isCloser(_ value: UInt32) -> Bool {
        switch value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x300B, 0x3011, 0x5D, 0x3009, 0x3015: return true
        default: return false
        }
    }
}
