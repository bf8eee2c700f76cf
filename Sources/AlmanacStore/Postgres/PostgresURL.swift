import Foundation

/// Where a PostgreSQL archive lives, read from a `postgres://` (or `postgresql://`) URL.
///
/// ```
/// postgres://user:password@host:port/database?sslmode=disable
/// ```
///
/// As with libpq, the port defaults to 5432, the database to the user name, and `sslmode` to
/// `prefer`. User name and password may be percent-encoded. `?host=/run/postgresql` connects through
/// the Unix socket in that folder instead of TCP.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    /// Whether and how the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Plain text only.
        case disable
        /// TLS when the server offers it, without checking its certificate; plain text otherwise.
        case prefer
        /// TLS always, without checking the server's certificate.
        case require
        /// TLS always, with the server's certificate and host name checked.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// The folder of the server's Unix socket, when connecting through it instead of TCP.
    public var socketDirectory: String?

    /// The URL schemes this type reads.
    public static let schemes: Set<String> = ["postgres", "postgresql"]

    /// Whether `location` is meant as a PostgreSQL URL (rather than a file path).
    public static func isPostgresURL(_ location: String) -> Bool {
        guard let colon = location.firstIndex(of: ":") else { return false }
        return schemes.contains(location[..<colon].lowercased())
            && location[colon...].hasPrefix("://")
    }

    /// Reads `text`; the error says which part is wrong and how a URL should look.
    public init(parsing text: String) throws(PostgresURLError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw PostgresURLError(text, "it is not a URL of the form \(Self.form)")
        }
        guard let host = components.host.map(Self.unbracketed), !host.isEmpty else {
            throw PostgresURLError(text, "it names no host")
        }
        guard let username = components.user, !username.isEmpty else {
            throw PostgresURLError(text, "it names no user")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw PostgresURLError(text, "port \(port) is out of range 1–65535")
        }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else {
            throw PostgresURLError(text, "the path must be just the database name")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = username
        self.password = components.password
        self.database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? username
        self.tls = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PostgresURLError(text, "sslmode must be one of \(modes)")
                }
                tls = mode
            case "host":
                guard let folder = item.value, folder.hasPrefix("/") else {
                    throw PostgresURLError(text, "host= must be the absolute path of the server's socket folder")
                }
                socketDirectory = folder
            default:
                throw PostgresURLError(text, "unknown parameter '\(item.name)'; known: sslmode, host")
            }
        }
    }

    /// The URL with the password masked, fit for messages and logs.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        let server = host.contains(":") ? "[\(host)]" : host
        let socket = socketDirectory.map { "?host=\($0)" } ?? ""
        return "postgres://\(credentials)@\(server):\(port)/\(database)\(socket)"
    }

    /// The Unix socket file, when connecting through one.
    var socketPath: String? {
        socketDirectory.map { "\($0)/.s.PGSQL.\(port)" }
    }

    static let form = "postgres://user:password@host:port/database"

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}

/// A `postgres://` URL that cannot be read, with what is wrong in it.
public struct PostgresURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL with any password masked.
    public var url: String
    public var reason: String

    init(_ url: String, _ reason: String) {
        self.url = Self.masked(url)
        self.reason = reason
    }

    public var description: String {
        "cannot read the PostgreSQL URL \(url): \(reason); write \(PostgresURL.form)"
    }

    /// `url` with the part between `user:` and `@` replaced by `***`.
    static func masked(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url.range(of: "@", options: .backwards),
            scheme.upperBound < at.lowerBound,
            let colon = url[scheme.upperBound..<at.lowerBound].firstIndex(of: ":")
        else { return url }
        return url.replacingCharacters(in: url.index(after: colon)..<at.lowerBound, with: "***")
    }
}
