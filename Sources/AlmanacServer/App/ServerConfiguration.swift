/// How the server listens and what it accepts.
///
/// The limits keep one request from costing more than a page's worth of work: a query longer
/// than ``maxQueryLength`` characters, a page size above ``maxPageSize`` or an upload larger
/// than ``maxUploadBytes`` is refused with a problem document before the archive is touched.
public struct ServerConfiguration: Sendable {
    /// The address to bind, `127.0.0.1` unless the archive is meant to be reachable from elsewhere.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The bearer token that allows `POST /api/v1/pages`; uploads are off when it is `nil` or empty.
    public var uploadToken: String?
    /// The longest search query accepted, in characters.
    public var maxQueryLength: Int
    /// The most items one list or search response holds.
    public var maxPageSize: Int
    /// The largest page upload accepted, in bytes.
    public var maxUploadBytes: Int
    /// The name shown in the page header and the server's log label.
    public var title: String
    /// How many search responses to keep for repeated queries (for up to 10 s); 0 turns the cache off.
    public var searchCacheSize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, uploadToken: String? = nil, maxQueryLength: Int = 200,
        maxPageSize: Int = 100, maxUploadBytes: Int = 1 << 20, title: String = "Almanac", searchCacheSize: Int = 0
    ) {
        self.searchCacheSize = searchCacheSize
        self.host = host
        self.port = port
        self.uploadToken = uploadToken
        self.maxQueryLength = maxQueryLength
        self.maxPageSize = maxPageSize
        self.maxUploadBytes = maxUploadBytes
        self.title = title
    }

    /// Whether `POST /api/v1/pages` is open (to holders of the token).
    public var uploadsEnabled: Bool {
        !(uploadToken ?? "").isEmpty
    }
}
