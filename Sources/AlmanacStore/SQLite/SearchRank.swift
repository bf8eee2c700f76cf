import GRDB
import GRDBSQLite

/// `almanac_rank(article_search, w1, w2, …)`: an FTS5 ranking function, BM25's saturated term
/// frequency without the inverse document frequency and without length normalisation.
///
/// FTS5's own `bm25()` starts every query by counting, for each query word, every row that holds it
/// (`xQueryPhrase` over the word's whole posting list): for a word in nine articles of ten, that pass
/// alone costs milliseconds over a hundred thousand articles, whatever the `LIMIT`. This function
/// reads only the row being ranked — how often each query word occurs in it, each occurrence
/// weighted by its column's weight, saturated by BM25's `k1 = 1.2` — so ranking the
/// ``SearchQuery/rankedWindow`` matches costs the same for frequent and rare words. Every hit holds
/// every query word (the query ANDs them), so what IDF would add is only a tilt between the words of
/// one query; PostgreSQL's `ts_rank_cd` has none either. BM25 would also divide by the row's length
/// against the average (`b = 0.75`), but reading a row's length (`xColumnSize`, a lookup in the
/// index's size table) cost as much as all the rest of ranking it; the saturation already bounds
/// what a long article's many mentions can add (a headline match, weight 4, scores 1.7 alone; any
/// number of body mentions stays under 2.2). Higher is better.
///
/// It is registered on the store's connections; the `sqlite3` shell can still search the index
/// (`MATCH`), and rank with `bm25()`.
enum SearchRank {
    /// The SQL name of the function.
    static let name = "almanac_rank"

    /// Registers the function with FTS5 on `db`.
    static func register(_ db: Database) {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        _ = api.pointee.xCreateFunction(api, name, nil, almanacRank, nil)
    }
}

private let k1 = 1.2

/// The FTS5 extension function behind `almanac_rank`; trailing arguments are column weights (1 when left out).
private func almanacRank(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
    _ values: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api = api?.pointee, let fts else {
        sqlite3_result_error(context, "almanac_rank: no FTS5 context", -1)
        return
    }
    var weights = InlineArray<4, Double>(repeating: 1)
    for column in 0..<min(Int(count), weights.count) { weights[column] = sqlite3_value_double(values?[column]) }
    // Each phrase's occurrences are walked in place (xPhraseFirst/xPhraseNext): xInstCount would
    // first gather and sort the occurrences of every phrase of the row.
    var score = 0.0
    for phrase in 0..<api.xPhraseCount(fts) {
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        guard api.xPhraseFirst(fts, phrase, &iterator, &column, &offset) == SQLITE_OK else {
            sqlite3_result_error(context, "almanac_rank: cannot read the matches", -1)
            return
        }
        var frequency = 0.0
        while column >= 0 {
            frequency += column < weights.count ? weights[Int(column)] : 1
            api.xPhraseNext(fts, &iterator, &column, &offset)
        }
        if frequency > 0 { score += frequency * (k1 + 1) / (frequency + k1) }
    }
    sqlite3_result_double(context, score)
}
