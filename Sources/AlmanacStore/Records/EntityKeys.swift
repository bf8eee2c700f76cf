import AlmanacModel
import AlmanacText
import Foundation

/// The entities a batch of pages mentions, as both drivers create them, and the order they write pages in.
///
/// Creating them before the pages, in (kind, name) code-point order, gives new entities the same ids
/// on every driver, and lets concurrent PostgreSQL writers take their locks in one order.
enum EntityKeys {
    /// The distinct (kind, canonical name) pairs `pages` mention, in (kind, name) code-point order.
    static func ordered(in pages: [ExtractedPage]) -> [(kind: EntityKind, name: String)] {
        var seen: Set<Key> = []
        var keys: [(kind: EntityKind, name: String)] = []
        for page in pages {
            for article in page.articles {
                for (_, mention) in article.mentions {
                    guard let name = storedName(of: mention), seen.insert(Key(kind: mention.kind, name: name)).inserted
                    else { continue }
                    keys.append((mention.kind, name))
                }
            }
        }
        return keys.sorted { left, right in
            if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
            return left.name.precedesByCodePoint(right.name)
        }
    }

    /// `mentions` as stored: canonical names without surrounding spaces or line breaks, and none
    /// whose name is left empty (the printed text and its offsets are kept as they are).
    static func storable(
        _ mentions: [(field: ArticleField, mention: Mention)]
    ) -> [(field: ArticleField, mention: Mention)] {
        mentions.compactMap { field, mention in
            guard let name = storedName(of: mention) else { return nil }
            var mention = mention
            mention.name = name
            return (field, mention)
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

    /// The text a mention is stored with: `''` when it is printed as its entity's canonical name (the
    /// reading statements put the name back), else as printed.
    static func storedText(of mention: Mention) -> String {
        mention.text == mention.name ? "" : mention.text
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
