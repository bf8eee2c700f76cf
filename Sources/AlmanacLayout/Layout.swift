import AlmanacModel

/// Rebuilds the articles of a printed page from the raw text that extraction left of it.
///
/// ```swift
/// let articles = PageLayout().articles(in: pageText)
/// ```
public struct PageLayout: Sendable {
    public init() {}

    /// The page's articles in reading order, `seq` numbered from 1.
    public func articles(in text: String) -> [Article] {
        []
    }
}
