import AlmanacModel

/// A sentence of a BIO-tagged named-entity corpus: one character and its tag per line (`中 B-ORG`,
/// tab or space between them), sentences separated by blank lines — the format of the MSRA and
/// People's Daily sets.
public struct NERSentence: Sendable, Equatable {
    /// The sentence's characters joined.
    public var text: String
    /// The tag of each Unicode scalar of `text` (`O`, `B-PER`, `I-LOC` …).
    public var tags: [String]

    public init(text: String, tags: [String]) {
        self.text = text
        self.tags = tags
    }

    /// The gold entities: type (`PER`, `LOC`, `ORG`) and scalar range, read the conlleval way
    /// (an `I-X` that does not continue an `X` starts one).
    public var spans: [NERSpan] { NERSpan.spans(fromTags: tags) }
}

/// An entity span with its type, the unit conlleval matches on.
public struct NERSpan: Sendable, Hashable {
    public var type: String
    public var start: Int
    public var end: Int

    public init(type: String, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }

    /// The span type a mention counts as (`PER`, `LOC`, `ORG`), `nil` for projects.
    public static func type(of kind: EntityKind) -> String? {
        switch kind {
        case .person: "PER"
        case .place: "LOC"
        case .organization: "ORG"
        case .project: nil
        }
    }

    /// Spans of a BIO tag sequence.
    public static func spans(fromTags tags: [String]) -> [NERSpan] {
        var spans: [NERSpan] = []
        var current: NERSpan?
        for (index, tag) in tags.enumerated() {
            let type = tag.count > 2 ? String(tag.dropFirst(2)) : ""
            let continues = tag.hasPrefix("I-") && current?.type == type
            if continues {
                current?.end = index + 1
                continue
            }
            if let open = current { spans.append(open) }
            current = tag.hasPrefix("B-") || tag.hasPrefix("I-") ? NERSpan(type: type, start: index, end: index + 1) : nil
        }
        if let open = current { spans.append(open) }
        return spans
    }
}

/// Reads BIO corpora.
public enum NERCorpus {
    /// The sentences of a BIO file's text; lines without a tag are skipped.
    public static func sentences(in text: String) -> [NERSentence] {
        var sentences: [NERSentence] = []
        var scalars = String.UnicodeScalarView()
        var tags: [String] = []
        func flush() {
            if !tags.isEmpty { sentences.append(NERSentence(text: String(scalars), tags: tags)) }
            scalars = String.UnicodeScalarView()
            tags = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            guard !trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) else {
                flush()
                continue
            }
            guard let separator = trimmed.lastIndex(where: { $0 == " " || $0 == "\t" }) else { continue }
            let character = trimmed[..<separator]
            let tag = String(trimmed[trimmed.index(after: separator)...])
            // The character field may itself be a space-like symbol; keep its first scalar.
            guard let scalar = character.unicodeScalars.first ?? " ".unicodeScalars.first else { continue }
            scalars.append(scalar)
            tags.append(tag)
        }
        flush()
        return sentences
    }
}
