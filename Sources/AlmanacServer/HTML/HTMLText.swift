/// Text made safe for HTML, and the few pieces of markup the server builds in Swift.
///
/// Everything a page shows from the archive goes through ``escape(_:)`` (or a mustache `{{…}}`
/// tag, which escapes the same five characters): page text is untrusted input and may hold
/// `<script>` or `"><img onerror=…>` like any other text.
enum HTMLText {
    /// `text` with `& < > " '` replaced by character references, safe in element content and in
    /// quoted attribute values.
    static func escape(_ text: some StringProtocol) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// A search snippet (matches marked `«like this»`, see `Snippet`) as escaped HTML with each
    /// match in `<mark>`. Unbalanced guillemets in the text itself never leave a tag open.
    static func snippet(_ snippet: String) -> String {
        var output = ""
        var open = false
        var plain = ""
        func flush() {
            output += escape(plain)
            plain = ""
        }
        for character in snippet {
            if character == "«" && !open {
                flush()
                output += "<mark>"
                open = true
            } else if character == "»" && open {
                flush()
                output += "</mark>"
                open = false
            } else {
                plain.append(character)
            }
        }
        flush()
        if open { output += "</mark>" }
        return output
    }

    /// Percent-encodes `value` for a URL query or path segment.
    static func urlComponent(_ value: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        allowed.remove(UInt8(ascii: "+"))
        var output = ""
        for byte in value.utf8 {
            if allowed.contains(byte) {
                output.append(Character(Unicode.Scalar(byte)))
            } else {
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return output
    }

    /// `path` followed by a query string of the non-empty `items`, each percent-encoded.
    static func link(_ path: String, _ items: [(String, String?)]) -> String {
        let query = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return "\(urlComponent(name))=\(urlComponent(value))"
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
