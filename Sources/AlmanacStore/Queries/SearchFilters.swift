/// The filters of a search (page date, section, paper, entity), written once for both drivers.
///
/// Each argument is the placeholder of a bound value that may be NULL (`:from` on SQLite,
/// `$3::text` on PostgreSQL); a NULL value lets every row through. The clauses read `page` and
/// `article` joined to the search index's rows.
enum SearchFilters {
    static func sql(from: String, to: String, section: String, paper: String, entity: String) -> String {
        """
        AND (\(from) IS NULL OR page.date >= \(from))
        AND (\(to) IS NULL OR page.date <= \(to))
        AND (\(section) IS NULL OR article.section = \(section))
        AND (\(paper) IS NULL OR page.paper = \(paper))
        AND (\(entity) IS NULL OR EXISTS (SELECT 1 FROM mention WHERE mention.article_id = article.id
            AND mention.entity_id IN (SELECT id FROM entity WHERE \(EntityStatements.anyKind) AND name = \(entity)
                UNION SELECT entity_id FROM mention WHERE text = \(entity) AND text <> '')))
        """
    }
}
