import Foundation

/// The query string of a request, decoded as a browser's form encodes it (`+` is a space,
/// `%E5%B2%9A` is 岚), with typed readers that throw a ``Problem`` naming the parameter at fault.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    /// Reads `query` (the part after `?`, without it). The first of repeated names wins.
    init(_ query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The value with surrounding spaces trimmed; `nil` when absent or blank.
    subscript(name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// A whole number in `range`, or `defaultValue` when absent.
    func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(Problem) -> Int {
        guard let text = self[name] else { return defaultValue }
        guard let value = Int(text) else {
            throw Problem.badParameter(name, "\(name) must be a whole number, not '\(text.prefix(40))'")
        }
        guard range.contains(value) else {
            throw Problem.unprocessable(name, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A number (for amounts), or `nil` when absent.
    func number(_ name: String) throws(Problem) -> Double? {
        guard let text = self[name] else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw Problem.badParameter(name, "\(name) must be a number, not '\(text.prefix(40))'")
        }
        return value
    }

    /// A day written `YYYY-MM-DD`, or `nil` when absent.
    func day(_ name: String) throws(Problem) -> String? {
        guard let text = self[name] else { return nil }
        guard let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/), let month = Int(match.output.2),
            let day = Int(match.output.3), (1...12).contains(month), (1...31).contains(day)
        else {
            throw Problem.badParameter(name, "\(name) must be a day written YYYY-MM-DD, not '\(text.prefix(40))'")
        }
        return text
    }

    /// Text of at most `maxLength` characters, or `nil` when absent.
    func text(_ name: String, maxLength: Int) throws(Problem) -> String? {
        guard let text = self[name] else { return nil }
        guard text.count <= maxLength else {
            throw Problem.unprocessable(name, "\(name) is \(text.count) characters long; the limit is \(maxLength)")
        }
        return text
    }

    /// One of `choices`, or `defaultValue` when absent.
    func choice(_ name: String, of choices: [String], default defaultValue: String) throws(Problem) -> String {
        guard let text = self[name] else { return defaultValue }
        guard choices.contains(text) else {
            throw Problem.badParameter(name, "\(name) must be one of \(choices.joined(separator: ", ")), not '\(text.prefix(40))'")
        }
        return text
    }
}
