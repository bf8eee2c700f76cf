import AlmanacModel
import AlmanacText

/// The short forms a text defines for a name — `岚江钢铁有限公司（以下简称“岚钢”）`,
/// `（简称岚钢）` — and every later mention of them, linked to the full name.
struct ShortForms {
    let analysis: TextAnalysis
    let rules: EntityRules

    private static let closing: Set<UInt32> = [0xFF09, 0x29]
    private static let quotes: Set<UInt32> = [0x201C, 0x201D, 0x22, 0x300C, 0x300D, 0x2018, 0x2019, 0x300E, 0x300F]
    private static let marker = "简称".scalarValues
    private static let below = "以下".scalarValues

    /// Finds the definitions, adds the full names and short forms as mentions and links every later
    /// use of a short form to its full name.
    func link(_ spans: inout [EntitySpan]) {
        let scalars = analysis.scalars
        var aliases: [(alias: [UInt32], kind: EntityKind, name: String)] = []
        var index = 0
        while index < scalars.count {
            // A test of two values, not a set: it runs at every scalar of the text.
            guard scalars[index] == 0xFF08 || scalars[index] == 0x28 else {  // （ (
                index += 1
                continue
            }
            let open = index
            var cursor = open + 1
            if matches(Self.below, at: cursor) { cursor += 2 }
            guard matches(Self.marker, at: cursor) else {
                index += 1
                continue
            }
            cursor += 2
            while cursor < scalars.count && (scalars[cursor] == 0xFF1A || scalars[cursor] == 0x3A || scalars[cursor] == 0x20)
            {
                cursor += 1
            }
            if cursor < scalars.count && Self.quotes.contains(scalars[cursor]) { cursor += 1 }
            let aliasStart = cursor
            while cursor < scalars.count && cursor - aliasStart <= 12 && !Self.quotes.contains(scalars[cursor])
                && !Self.closing.contains(scalars[cursor]) && !CharacterFeatures.isBreak(scalars[cursor])
            {
                cursor += 1
            }
            let aliasRange = aliasStart..<cursor
            index = cursor
            guard aliasRange.count >= 2, aliasRange.count <= 12 else { continue }
            // The full name: a span ending at the parenthesis, else the organisation grammar's head.
            var full: EntitySpan
            if let found = spans.first(where: { $0.range.upperBound == open && $0.kind != .project }) {
                full = found
            } else if let wordIndex = analysis.wordOf[max(open - 1, 0)] as Int32?, wordIndex >= 0,
                let start = rules.headStart(before: Int(wordIndex) + 1, spans: spans),
                open - start >= aliasRange.count
            {
                full = EntitySpan(kind: .organization, range: start..<open)
                spans.append(full)
            } else {
                continue
            }
            let name = String(scalarValues: scalars[full.range])
            spans.removeAll { $0.range.overlaps(aliasRange) }
            spans.append(EntitySpan(kind: full.kind, range: aliasRange, canonical: name))
            aliases.append((Array(scalars[aliasRange]), full.kind, name))
        }
        guard !aliases.isEmpty else { return }
        // Later uses of each short form.
        for (alias, kind, name) in aliases {
            var position = 0
            while position + alias.count <= scalars.count {
                guard matches(alias, at: position) else {
                    position += 1
                    continue
                }
                let range = position..<(position + alias.count)
                position += alias.count
                if let exact = spans.firstIndex(where: { $0.range == range }) {
                    spans[exact].canonical = name
                    spans[exact].kind = kind
                    continue
                }
                // A tagger span inside the short form gives way to it; a longer one keeps its place.
                guard !spans.contains(where: { $0.range.overlaps(range) && !range.contains($0.range.lowerBound) })
                else { continue }
                guard !spans.contains(where: { $0.range.overlaps(range) && $0.range.upperBound > range.upperBound })
                else { continue }
                spans.removeAll { range.contains($0.range.lowerBound) && $0.range.upperBound <= range.upperBound }
                spans.append(EntitySpan(kind: kind, range: range, canonical: name))
            }
        }
    }

    private func matches(_ pattern: [UInt32], at index: Int) -> Bool {
        guard index + pattern.count <= analysis.scalars.count else { return false }
        for (offset, value) in pattern.enumerated() where analysis.scalars[index + offset] != value { return false }
        return true
    }
}
