import AlmanacStore
import ArgumentParser
import Foundation

/// JSON Lines: one object per line, keys sorted, slashes left alone.
enum JSONLines {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func line(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// CSV as RFC 4180 writes it: a field with a comma, quote or line break is quoted, quotes doubled.
enum CSV {
    static func row(_ fields: [String?]) -> String {
        fields.map { field in
            guard let field else { return "" }
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    /// A number as CSV and JSON print it: integers without a fraction.
    static func number(_ value: Double?) -> String? {
        guard let value else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A list as a JSON array, so names holding any separator survive.
    static func list(_ values: [String]) -> String {
        (try? JSONLines.line(values)) ?? "[]"
    }
}

/// Where a command writes its records: standard output or a file, buffered.
final class RecordWriter {
    private let handle: FileHandle
    private var buffer = Data()

    /// Writes to `path`, created or truncated, or to standard output when `path` is nil.
    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("cannot create \(path); check that its folder exists and is writable")
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write to \(path)")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
    }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension DatabaseOptions {
    /// Fails with a usage error when the archive is a SQLite file that does not exist (nothing to read).
    func requireArchive() throws {
        if case .sqlite(let path) = try StoreLocation(location), !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no archive at \(path); create one with `almanac ingest PATH…`")
        }
    }
}

/// Checks that an option holding a day is written `YYYY-MM-DD`.
func validateDay(_ value: String?, option: String) throws {
    if let value, value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
        throw ValidationError("\(option) must be a day written YYYY-MM-DD, not '\(value)'")
    }
}
