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
}
