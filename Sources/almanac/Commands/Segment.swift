import AlmanacText
import ArgumentParser
import Foundation

/// `almanac segment [FILE|-] [--dict FILE]`: words separated by two spaces, one output line per input line.
struct Segment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut Chinese text into words, two spaces between words, one output line per input line.",
        discussion: "Example: almanac segment page.txt --dict names.txt")

    @Argument(help: "A UTF-8 text file, or - (the default) for standard input.")
    var file: String = "-"

    @Option(name: .long, help: "A user lexicon: lines 'word [frequency] [tag]', read at run time.")
    var dict: String?

    @Flag(help: "Print lexicon load time and segmentation throughput to standard error.")
    var stats = false

    func run() async throws {
        let clock = ContinuousClock()
        let loadStart = (clock.now, Self.processorSeconds())
        let segmenter = try Segmenter.bundled(userLexicon: try loadUserLexicon(dict))
        let loaded = (clock.now, Self.processorSeconds())
        var bytesRead = 0
        defer {
            if stats {
                let load = Self.seconds(loaded.0 - loadStart.0)
                let work = Self.seconds(clock.now - loaded.0)
                let loadCPU = loaded.1 - loadStart.1
                let workCPU = Self.processorSeconds() - loaded.1
                let line = String(
                    format: "load_ms %.1f segment_s %.3f load_cpu_ms %.1f segment_cpu_s %.3f bytes %d mb_per_s %.2f\n",
                    load * 1000, work, loadCPU * 1000, workCPU, bytesRead, Double(bytesRead) / 1e6 / max(work, 1e-9))
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        let input = file == "-" ? 0 : open(file, O_RDONLY)
        guard input >= 0 else { throw InputError("cannot read \(file): check that it exists and is readable") }
        defer { if input != 0 { close(input) } }
        // Stream in blocks cut at line ends, so memory stays flat whatever the input size.
        let blockSize = 1 << 20
        var block = [UInt8](repeating: 0, count: blockSize)
        var pending: [UInt8] = []
        while true {
            let read = block.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, blockSize) }
            if read <= 0 { break }
            bytesRead += read
            pending.append(contentsOf: block[0..<read])
            guard let lastBreak = pending.lastIndex(of: 0x0A) else { continue }
            write(segmenter.segmentLines(utf8: Array(pending[...lastBreak])))
            pending.removeSubrange(...lastBreak)
        }
        if !pending.isEmpty { write(segmenter.segmentLines(utf8: pending)) }
    }

    /// Processor time this process has used, in seconds (what one core spent, whatever the machine's load).
    private static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Writes all of `bytes` to standard output.
    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(1, base + offset, raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// A file that cannot be used, with what to do about it (printed without the usage text).
struct InputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// Reads a user lexicon file, or returns an empty one when no path is given.
func loadUserLexicon(_ path: String?) throws -> UserLexicon {
    guard let path else { return UserLexicon() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw InputError("cannot read the user lexicon \(path): check the path")
    }
    return try UserLexicon(parsing: String(decoding: data, as: UTF8.self))
}

/// Reads a file's bytes, or standard input for "-".
func readBytes(_ file: String) throws -> [UInt8] {
    if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: file) else {
        throw InputError("cannot read \(file): check that it exists and is readable")
    }
    return [UInt8](data)
}

/// Reads a UTF-8 file, or standard input for "-".
func readInput(_ file: String) throws -> String {
    String(decoding: try readBytes(file), as: UTF8.self)
}
