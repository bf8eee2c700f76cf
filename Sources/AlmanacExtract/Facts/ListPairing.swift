import AlmanacModel
import AlmanacText

/// `A、B分别…X、Y`: several subjects paired with several figures, in order.
struct ListPairing: Sendable {
    /// The subject this figure belongs to.
    var subject: Range<Int>
    /// Whether the subject is a place (岚江市、青河县分别增长…) rather than what is measured.
    var isPlace: Bool

    /// The subject paired with `quantity` by a 分别 list in its clause, or `nil`.
    static func pair(
        _ quantity: Quantity, in scalars: [UInt32], clause: Range<Int>, quantities: ArraySlice<Quantity>, places: [Span]
    ) -> ListPairing? {
        var marker = quantity.start - 2
        while marker >= clause.lowerBound, !Scalars.matches(fenbie, in: scalars, at: marker) { marker -= 1 }
        guard marker >= clause.lowerBound else { return nil }
        let listed = quantities.filter { $0.start >= marker + 2 && $0.end <= clause.upperBound }
        guard listed.count >= 2, let position = listed.firstIndex(where: { $0.start == quantity.start }) else {
            return nil
        }
        var items: [Range<Int>] = []
        var start = clause.lowerBound
        for index in clause.lowerBound..<marker where separators.contains(scalars[index]) {
            items.append(start..<index)
            start = index + 1
        }
        items.append(start..<marker)
        items = items.map { trim($0, in: scalars) }.filter { !$0.isEmpty }
        guard items.count == listed.count else { return nil }
        var subject = items[position]
        // The first item may carry the clause's opening words: keep a place or the phrase's end.
        if let place = places.first(where: {
            subject.contains($0.range.lowerBound) && $0.range.upperBound == subject.upperBound
        }) {
            subject = place.range
        }
        let isPlace = places.contains { $0.range == subject }
        return ListPairing(subject: subject, isPlace: isPlace)
    }

    private static func trim(_ range: Range<Int>, in scalars: [UInt32]) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, !ScalarClass.isHan(scalars[start]) { start += 1 }
        while end > start,
            !ScalarClass.isHan(scalars[end - 1]) && scalars[end - 1] != 0xFF09 && scalars[end - 1] != 0x29
        {
            end -= 1
        }
        return start..<end
    }

    static let fenbie: [UInt32] = "分别".scalarValues
    static let separators = Scalars.set("、和及与")
}
