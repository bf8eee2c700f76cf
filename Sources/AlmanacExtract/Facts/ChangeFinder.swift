import AlmanacText

/// Finds the change word a figure reports (`同比增长`, `下降`, `提高`, `压缩`, `高于` …).
///
/// The change word stands before the figure in the same clause, either right before it
/// (`同比增长7.4%`, `较上年压缩98.9%`) or before the object it changes (`压缩检测时间20%`,
/// `高于全省平均水平1.9个百分点`). `同比`/`环比` written before the verb belong to it.
struct ChangeFinder: Sendable {
    /// A change word found before a figure.
    struct Match: Sendable {
        var range: Range<Int>
        var text: String
        /// Whether the word compares with a base (高于 低于): the object after it is the base, not the indicator.
        var isComparison: Bool
    }

    /// The change word in `scalars[region]` nearest before the figure at `region.upperBound`, or `nil`.
    func change(in scalars: [UInt32], region: Range<Int>) -> Match? {
        let firsts = Self.firsts
        var index = region.upperBound - 1
        while index >= region.lowerBound {
            guard firsts.contains(scalars[index]) else {
                index -= 1
                continue
            }
            for word in Self.words where Scalars.matches(word, in: scalars, at: index) {
                let end = index + word.count
                guard end <= region.upperBound, region.upperBound - end <= Self.maximumGap else { continue }
                let next: UInt32 = end < scalars.count ? scalars[end] : 0
                if Self.nounMakers.contains(next) { continue }  // 增加值, 增长率, 提高到?
                var start = index
                for qualifier in Self.qualifiers where Scalars.matches(qualifier, in: scalars, endingAt: start) {
                    start -= qualifier.count
                    break
                }
                let text = String(scalarValues: scalars[start..<end])
                return Match(range: start..<end, text: text, isComparison: Self.comparisons.contains(word))
            }
            index -= 1
        }
        return nil
    }

    // MARK: - Tables

    /// How many characters may stand between the change word and the figure (its object).
    static let maximumGap = 10
    static let words: [[UInt32]] = [
        "增长", "下降", "增加", "减少", "提高", "提升", "降低", "压缩", "缩短", "缩减", "扩大", "缩小", "上涨", "下跌",
        "上升", "回落", "回升", "下滑", "高于", "低于", "快于", "慢于", "多于", "少于",
    ].map(\.scalarValues)
    /// The first characters of ``words``, to pass over the others without comparing.
    static let firsts = ScalarSet(values: words.compactMap(\.first))
    static let comparisons: Set<[UInt32]> = Set(["高于", "低于", "快于", "慢于", "多于", "少于"].map(\.scalarValues))
    static let qualifiers: [[UInt32]] = ["同比", "环比"].map(\.scalarValues)
    /// Characters after a change word that turn it into a noun (增加值, 增长率, 增速, 降本).
    static let nounMakers = Scalars.set("值率速点极量势本效长幅")
}
