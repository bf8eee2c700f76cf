/// The parts of a passage set apart from its sentence: document titles `《…》`, brackets `（…）` and
/// short quoted names `“…”` (a quote with no clause punctuation inside).
///
/// A place printed there belongs to a title, a note or a name (《岚江市乡村建设标准》, 出口基地（岚江）,
/// “岚江云直播”平台), never to the subject the sentence's figures are about. Quoted speech, which runs
/// over clause breaks, is not sheltered.
struct Shelters: Sendable {
    private var covered: [Bool]

    /// Finds the sheltered parts of `scalars`.
    init(_ scalars: [UInt32]) {
        covered = [Bool](filling: false, count: scalars.count)
        // Read once, not at each scalar (a global's every read is a once-check).
        let rules = Self.rules
        let opens = Self.opens
        var index = 0
        while index < scalars.count {
            let value = scalars[index]
            // Most scalars open nothing: one lookup tells them before the rules are asked in turn.
            guard opens.contains(value), let rule = rules.first(where: { $0.open == value }) else {
                index += 1
                continue
            }
            var end = index + 1
            var closed = false
            while end < scalars.count, end - index <= rule.limit, scalars[end] != 0x0A {
                if scalars[end] == rule.close {
                    closed = true
                    break
                }
                if rule.nameOnly, Scalars.clauseBreaks.contains(scalars[end]) { break }
                end += 1
            }
            if closed {
                for offset in index + 1..<end { covered[offset] = true }
                index = end + 1
            } else {
                index += 1
            }
        }
    }

    /// Whether the scalar at `index` lies inside a sheltered part.
    func contains(_ index: Int) -> Bool {
        index >= 0 && index < covered.count && covered[index]
    }

    private struct Rule {
        var open: UInt32
        var close: UInt32
        /// The longest inside, in scalars.
        var limit: Int
        /// Whether clause punctuation inside makes it something else than a name (quoted speech).
        var nameOnly: Bool
    }

    private static let rules: [Rule] = [
        Rule(open: 0x300A, close: 0x300B, limit: 60, nameOnly: false),  // 《》
        Rule(open: 0xFF08, close: 0xFF09, limit: 30, nameOnly: false),  // （）
        Rule(open: 0x28, close: 0x29, limit: 30, nameOnly: false),  // ()
        Rule(open: 0x201C, close: 0x201D, limit: 24, nameOnly: true),  // “”
    ]
    /// The scalars that open a rule's part.
    private static let opens = ScalarSet(values: rules.map(\.open))
}
