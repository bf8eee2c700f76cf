import AlmanacModel
import Foundation

/// The entities a batch of pages mentions, as both drivers create them, and the order they write pages in.
///
/// Creating them before the pages, in (kind, name) code-point order, gives new entities the same ids
/// on every driver, and lets concurrent PostgreSQL writers take their locks in one order.
enum EntityKeys {
    /// The distinct (kind, canonical name) pairs `pages` mention, in (kind, name) code-point order.
    static func ordered(in pages: [ExtractedPage]) -> [(kind: EntityKind, name: String)] {
        var seen: Set<String> = []
        var keys: [(kind: EntityKind, name: String)] = []
        for page in pages {
            for article in page.articles {
                for (_, mention) in storable(article.mentions)
                where seen.insert(key(mention.kind, mention.name)).inserted {
                    keys.append((mention.kind, mention.name))
                }
            }
        }
        return keys.sorted { left, right in
            if left.kind != right.kind { return left.kind.rawValue < right.kind.rawValue }
            return left.name.unicodeScalars.lexicographicallyPrecedes(right.name.unicodeScalars)
        }
    }

    /// `mentions` as stored: canonical names without surrounding spaces or line breaks, and none
    /// whose name is left empty (the printed text and its offsets are kept as they are).
    static func storable(
        _ mentions: [(field: ArticleField, mention: Mention)]
    ) -> [(field: ArticleField, mention: Mention)] {
        mentions.compactMap { field, mention in
            var mention = mention
            // Most names need no trimming; Foundation's trimming is costly for the single writer.
            let scalars = mention.name.unicodeScalars
            if scalars.first?.properties.isWhitespace != false || scalars.last?.properties.isWhitespace != false {
                mention.name = mention.name.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return mention.name.isEmpty ? nil : (field, mention)
        }
    }

    /// The text a mention is stored with: `''` when it is printed as its entity's canonical name (the
    /// reading statements put the name back), else as printed.
    static func storedText(of mention: Mention) -> String {
        mention.text == mention.name ? "" : mention.text
    }

    /// The dictionary key of an entity.
    static func key(_ kind: EntityKind, _ name: String) -> String {
        "\(kind.rawValue)\u{1F}\(name)"
    }

    /// The positions of `pages` in the order both drivers write them: by sha256, so that concurrent
    /// PostgreSQL batches claim pages in one order (and both drivers give pages the same ids).
    static func writingOrder(of pages: [ExtractedPage]) -> [Int] {
        pages.indices.sorted { pages[$0].page.sha256 < pages[$1].page.sha256 }
    }
}
