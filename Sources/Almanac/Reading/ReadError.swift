/// Why a page file could not be read; each case says what to do about it.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a kind a caller can switch over.
    public enum Code: String, Sendable {
        case notFound
        case isDirectory
        case unreadable
        case empty
        case binary
        case invalidEncoding
    }

    public var code: Code
    /// The path as the user gave it.
    public var path: String
    /// A one-line message that names the problem and the remedy.
    public var message: String

    public init(_ code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
