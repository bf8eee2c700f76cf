import AlmanacText

/// `A占B(的)比重N%`: a figure that is the share of A in B.
struct ShareClause: Sendable {
    /// Where 占 stands.
    var marker: Int
    /// What the share is taken of (`全市工业经济比重`, `国内产量`).
    var object: Range<Int>

    /// The share clause a figure at `before` closes, or `nil`.
    static func find(in scalars: [UInt32], clause: Range<Int>, before: Int) -> ShareClause? {
        var marker = before - 1
        while marker >= clause.lowerBound, scalars[marker] != zhan { marker -= 1 }
        guard marker >= clause.lowerBound else { return nil }
        let next: UInt32 = marker + 1 < scalars.count ? scalars[marker + 1] : 0
        guard !notShare.contains(next) else { return nil }  // 占地, 占比, 占有
        var end = marker + 1
        while end < before, ScalarClass.isHan(scalars[end]), scalars[end] != de, !ScalarClass.isDigit(scalars[end]) {
            end += 1
        }
        while end > marker + 1, trailing.contains(scalars[end - 1]) { end -= 1 }
        guard end > marker + 1 else { return nil }
        return ShareClause(marker: marker, object: marker + 1..<end)
    }

    static let zhan: UInt32 = 0x5360  // 占
    static let de: UInt32 = 0x7684  // 的
    static let notShare = Scalars.set("地比有据领用")
    /// Words that may stand between the object and the figure (近50%, 约为, 达).
    static let trailing = Scalars.set("近约超达为逾已了到至")
}
