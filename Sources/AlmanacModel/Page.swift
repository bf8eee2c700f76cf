import Foundation

/// A printed page as it arrived: where it came from, its decoded text and what is known about it.
public struct Page: Sendable, Hashable, Codable {
    /// Whether the page's date was given with it or read out of its text.
    public enum DateSource: String, Sendable, Hashable, Codable {
        case given
        case inferred
    }

    /// The file path or URL the page was read from.
    public var source: String
    /// Hex sha256 of the page's bytes as read (before decoding); the page's identity in an archive.
    public var sha256: String
    public var paper: String
    /// The issue date as `YYYY-MM-DD`, when known.
    public var date: String?
    public var dateSource: DateSource?
    public var number: Int?
    /// The decoded text, exactly as read (offsets in SPEC.md count its Unicode scalars).
    public var text: String

    public init(
        source: String, sha256: String, paper: String = "", date: String? = nil, dateSource: DateSource? = nil,
        number: Int? = nil, text: String
    ) {
        self.source = source
        self.sha256 = sha256
        self.paper = paper
        self.date = date
        self.dateSource = dateSource
        self.number = number
        self.text = text
    }

    /// The last path component of `source`, which is how SPEC.md names a page.
    public var name: String {
        (source as NSString).lastPathComponent
    }
}
