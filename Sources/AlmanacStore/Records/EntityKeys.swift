import AlmanacModel
import AlmanacText
import Foundation

/// The entities a batch of pages mentions, as both drivers create them, and the order they write pages in.
///
/// Creating them before the pages, in (kind, name) code-point order, gives new entities the same ids
/// on every driver, and lets concurrent PostgreSQL writers take their locks in one order.
enum EntityKeys {
    /// The entities a batch of pages mentions, in the order both drivers create them, and which of
    /// them each mention names.
    ///
    /// Each name is trimmed and hashed once here; the writers then find a mention's entity id by its
    /// position. (They used to copy every mention with its trimmed name and look the name up again:
    /// about 1 % of an ingest's CPU in a profile of 2,000 pages.)
    struct Batch {
        /// The distinct (kind, canonical name) pairs, in (kind, name) code-point order.
        let keys: [(kind: EntityKind, name: String)]
        /// By page, article and mention, as `pages` holds them: the position in ``keys`` of the
        /// entity the mention names, or `nil` for a mention whose name is left empty (not stored).
        let positions: [[[Int?]]]

        init(_ pages: [ExtractedPage]) {
            var seen: [Key: Int] = [:]
            var found: [(kind: EntityKind, name: String)] = []
            let firstSeen = pages.map { page in
                page.articles.map { article in
                    article.mentions.map { _, mention -> Int? in
                        guard let name = storedName(of: mention) else { return nil }
                        let key = Key(kind: mention.kind, name: name)
                        if let position = seen[key] { return position }
                        seen[key] = found.count
                        found.append((mention.kind, name))
                        return found.count - 1
                    }
                }
            }
            let order = found.indices.sorted { left, right in
                let (left, right) = (found[left], found[right])
                if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
                return left.name.precedesByCodePoint(right.name)
            }
            var rank = [Int](repeating: 0, count: found.count)
            for (sorted, position) in order.enumerated() { rank[position] = sorted }
            keys = order.map { found[$0] }
            positions = firstSeen.map { page in page.map { article in article.map { $0.map { rank[$0] } } } }
        }
    }

    /// The canonical name `mention` is stored under: its name without surrounding spaces or line
    /// breaks, or `nil` when that leaves nothing.
    static func storedName(of mention: Mention) -> String? {
        // Most names need no trimming; Foundation's trimming (and even a scalar's Unicode properties,
        // looked up for the first and last of every name) is costly for the single writer.
        let scalars = mention.name.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return nil }
        // Foundation trims only White_Space scalars, so a name that neither starts nor ends with one
        // is stored as it is.
        guard ScalarClass.isWhiteSpace(first.value) || ScalarClass.isWhiteSpace(last.value) else {
            return mention.name
        }
        let name = mention.name.trimmingCharacters(in: .whitespacesAndNewlines)
        return name.isEmpty ? nil : name
    }

    /// The text a mention is stored with: `''` when it is printed as its entity's canonical name,
    /// `name` (the reading statements put the name back), else as printed.
    static func storedText(of mention: Mention, name: String) -> String {
        mention.text == name ? "" : mention.text
    }

    /// The dictionary key of an entity: its kind and canonical name, compared and hashed by the name's
    /// UTF-8 bytes as the archive's `UNIQUE (kind, name)` compares them.
    ///
    /// A `String` key would compare names by canonical equivalence, so two spellings the archive
    /// keeps apart (a precomposed and a decomposed accent) would share one id; and it hashes through
    /// Unicode normalisation, which cost the single writer a twentieth of its time.
    struct Key: Hashable {
        var kind: EntityKind
        var name: String

        static func == (left: Key, right: Key) -> Bool {
            left.kind == right.kind && left.name.hasSameBytes(as: right.name)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            var name = name
            name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// The dictionary key of an entity.
    static func key(_ kind: EntityKind, _ name: String) -> Key {
        Key(kind: kind, name: name)
    }

    /// The positions of `pages` in the order both drivers write them: by sha256, so that concurrent
    /// PostgreSQL batches claim pages in one order (and both drivers give pages the same ids).
    static func writingOrder(of pages: [ExtractedPage]) -> [Int] {
        pages.indices.sorted { pages[$0].page.sha256 < pages[$1].page.sha256 }
    }
}
