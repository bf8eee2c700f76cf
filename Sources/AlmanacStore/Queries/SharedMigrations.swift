/// Schema changes written once for both drivers (plain SQL both dialects read alike).
enum SharedMigrations {
    /// Migration "v5 compact facts and mentions", the same on PostgreSQL: a fact keeps where its
    /// sentence lies in its field (`sentence_start`/`sentence_end`, scalars) instead of a copy of it
    /// (``FactSentence``), and a mention printed as its entity's name keeps `''` for its text. Facts
    /// stored before keep their sentence text (no offsets); their mentions' texts are emptied here.
    static let compactFactsAndMentions = [
        "ALTER TABLE fact ADD COLUMN sentence_start INTEGER",
        "ALTER TABLE fact ADD COLUMN sentence_end INTEGER",
        "UPDATE mention SET text = '' WHERE text = (SELECT name FROM entity WHERE entity.id = mention.entity_id)",
        "DROP INDEX mention_text",
        "CREATE INDEX mention_text ON mention(text) WHERE text <> ''",
    ]

    /// Migration "v6 compact storage", the same on PostgreSQL: a fact whose printed figure is the span of
    /// its field keeps `''` for its text, and one whose indicator is its own key keeps `''` for its
    /// indicator (``FactStatements`` reads both back); the index on places holds only placed facts
    /// (half of all facts have no place); and the index on body digests, which no query reads, goes.
    static func compactStorage(_ dialect: SQLDialect) -> [String] {
        [
            "UPDATE fact SET indicator = '' WHERE indicator = indicator_key",
            """
            UPDATE fact SET text = '' WHERE field <> 'caption' AND text = (
                SELECT substr(\(FactSentence.fieldText(dialect)), fact.span_start + 1, fact.span_end - fact.span_start)
                FROM article WHERE article.id = fact.article_id)
            """,
            "DROP INDEX fact_place",
            "CREATE INDEX fact_place ON fact(place) WHERE place <> ''",
            "DROP INDEX article_body_sha256",
        ]
    }
}
