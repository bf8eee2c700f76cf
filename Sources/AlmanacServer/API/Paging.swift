/// The `limit` and `cursor` of a list request, checked against the server's page size.
///
/// A route fetches ``fetchLimit`` items (one more than asked) and hands them to ``page(_:)``,
/// which keeps ``limit`` and makes the next cursor only when there was more.
struct Paging: Sendable {
    var limit: Int
    var offset: Int
    var fingerprint: UInt32

    init(_ parameters: QueryParameters, maxPageSize: Int, defaultLimit: Int = 20, filters: [String?]) throws(Problem) {
        limit = try parameters.integer("limit", default: min(defaultLimit, maxPageSize), in: 1...maxPageSize)
        fingerprint = Cursor.fingerprint(filters)
        if let token = parameters["cursor"] {
            offset = try Cursor(token: token, fingerprint: fingerprint).offset
        } else {
            offset = 0
        }
    }

    /// How many items to ask the store for: one more than the page holds, to learn whether there is more.
    var fetchLimit: Int { limit + 1 }

    /// The page of `fetched` items and the cursor of the next page, `nil` on the last.
    func page<Item>(_ fetched: [Item]) -> (items: [Item], next: String?) {
        guard fetched.count > limit else { return (fetched, nil) }
        return (Array(fetched.prefix(limit)), Cursor(offset: offset + limit, fingerprint: fingerprint).token)
    }
}
