import GRDB
import GRDBSQLite

/// `almanac_rank(article_search, w1, w2, …)`: an FTS5 ranking function, BM25 without the inverse
/// document frequency.
///
/// FTS5's own `bm25()` starts every query by counting, for each query word, every row that holds it
/// (`xQueryPhrase` over the word's whole posting list): for a word in nine articles of ten, that pass
/// alone costs milliseconds over a hundred thousand articles, whatever the `LIMIT`. This function
/// reads only the row being ranked — how often each query word occurs in it, each occurrence
/// weighted by its column's weight, saturated by BM25's `k1 = 1.2` and normalised by the row's
/// length against the average (`b = 0.75`) — so ranking the ``SearchQuery/rankedWindow`` matches
/// costs the same for frequent and rare words. Every hit holds every query word (the query ANDs
/// them), so what IDF would add is only a tilt between the words of one query; PostgreSQL's
/// `ts_rank_cd` has none either. Higher is better.
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
private let b = 0.75

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
    var length: Int32 = 0
    _ = api.xColumnSize(fts, -1, &length)
    let norm = k1 * (1 - b + b * Double(length) / averageLength(api, fts))
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
        if frequency > 0 { score += frequency * (k1 + 1) / (frequency + norm) }
    }
    sqlite3_result_double(context, score)
}

/// The average row length in tokens, read once per query and kept as the query's auxiliary data.
private func averageLength(_ api: Fts5ExtensionApi, _ fts: OpaquePointer) -> Double {
    if let cached = api.xGetAuxdata(fts, 0) {
        return cached.assumingMemoryBound(to: Double.self).pointee
    }
    var rows: sqlite3_int64 = 0
    var total: sqlite3_int64 = 0
    _ = api.xRowCount(fts, &rows)
    _ = api.xColumnTotalSize(fts, -1, &total)
    let average = rows > 0 && total > 0 ? Double(total) / Double(rows) : 1
    let box = UnsafeMutablePointer<Double>.allocate(capacity: 1)
    box.initialize(to: average)
    if api.xSetAuxdata(fts, box, { $0?.assumingMemoryBound(to: Double.self).deallocate() }) != SQLITE_OK {
        // FTS5 has already called the destructor on failure.
        return average
    }
    return average
}
