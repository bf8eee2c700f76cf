import AlmanacModel

/// A page with the work its rows need that costs CPU and no database done ahead — deflating text,
/// cutting search words, compacting facts — so that saving it only writes.
///
/// An ingest worker prepares each page it extracts (``Store/prepare(_:)``); the one writer then
/// spends its turn on the database alone. Saving a page prepared by another store, or not prepared
/// at all, does the work at save time instead.
public struct PreparedPage: Sendable {
    /// The page as extracted.
    public let extracted: ExtractedPage
    /// The driver's work, if one did it.
    let work: (any Sendable)?

    /// A page with no work done ahead.
    public init(_ extracted: ExtractedPage) {
        self.extracted = extracted
        work = nil
    }

    init(_ extracted: ExtractedPage, work: any Sendable) {
        self.extracted = extracted
        self.work = work
    }
}
