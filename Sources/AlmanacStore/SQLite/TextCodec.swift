import AlmanacModel
import AlmanacText
import CZlib
import Foundation
import GRDB
import Synchronization

/// How a SQLite archive keeps long text — a page's raw text, an article's body — compact.
///
/// Text is most of an archive: a page's raw text and its articles' bodies each weigh about as much
/// as the page. A body is spelt in the archive's ``CharacterCode`` (a code word per character, as
/// long as the character is rare) and stored as a BLOB when that makes it smaller — a Chinese
/// body takes under half its UTF-8 size — else as TEXT. A page's raw text is deflated (zlib) with
/// its articles as the preset dictionary: the articles are the page's text rebuilt, so the page
/// costs little more than what layout left out (a tenth of its deflated size alone). The page is
/// read only beside its articles, which are read first to give the dictionary back.
///
/// A BLOB is a 4-byte little-endian length of the UTF-8 text, then either
/// - the zlib stream (whose header names the dictionary by its Adler-32 checksum when one was used,
///   and whose trailer holds the text's own checksum, checked on every read), or
/// - the byte ``codedMarker``, the code's checksum and the text's Adler-32 (4 bytes each, little-endian),
///   then the code words.
///
/// Bodies written before migration "v16 character code" are deflated with the archive's body
/// dictionary, and read so still; a value stored as TEXT (by older versions, or too short to gain)
/// is read as it is, so no migration rewrites the archive. PostgreSQL compresses long values itself
/// (TOAST) and keeps text as text.
enum TextCodec {
    /// The value to store for `text`: deflated (with `dictionary` when one is given) when that makes
    /// it smaller, else as it is; always deflated when `always`.
    static func encode(_ text: String, dictionary: [UInt8] = [], always: Bool = false) -> DatabaseValue {
        let bytes = Array(text.utf8)
        return value(text, bytes, deflated(bytes, dictionary: dictionary), always: always)
    }

    /// The value to store for `text`: spelt in `code` when that makes it smaller, else as it is.
    static func encode(_ text: String, code: CharacterCode) -> DatabaseValue {
        let count = text.utf8.count
        var blob: [UInt8] = []
        blob.reserveCapacity(13 + count / 2)
        appendLittleEndian(UInt32(count), to: &blob)
        blob.append(codedMarker)
        appendLittleEndian(code.checksum, to: &blob)
        var text = text
        let checksum = text.withUTF8(checksum)
        appendLittleEndian(checksum, to: &blob)
        code.encode(text, into: &blob)
        guard blob.count < count else { return text.databaseValue }
        return Data(blob).databaseValue
    }

    /// The byte after the length that marks a text spelt in a ``CharacterCode``; a zlib stream's first
    /// byte names its method (8, deflate) in its low four bits.
    static let codedMarker: UInt8 = 0x01

    private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt32(shift)))) }
    }

    private static func value(_ text: String, _ bytes: [UInt8], _ blob: Data, always: Bool) -> DatabaseValue {
        if !always, blob.count >= bytes.count { return text.databaseValue }
        return blob.databaseValue
    }

    /// The text of a stored value: TEXT as it is, a BLOB inflated. A stream deflated with a preset
    /// dictionary names it by its Adler-32 checksum: `dictionary(checksum)` gives it, by default one
    /// of the archive dictionaries loaded in this process (``TextDictionaries``).
    static func decode(
        _ value: DatabaseValue, dictionary: (UInt32) throws -> [UInt8] = TextDictionaries.shared.bytes(checksum:)
    ) throws -> String {
        switch value.storage {
        case .string(let text): return text
        case .blob(let data): return try inflated(data, dictionary: dictionary)
        default: throw DatabaseError(message: "stored text is neither text nor a deflated blob")
        }
    }

    /// The preset dictionary of a page's raw text: its articles' printed parts in order of `seq`
    /// (whatever order they are given in, so writer and reader agree).
    ///
    /// Writing and reading must build it from the same articles; a reader given others gets a clear
    /// error (the text's checksum does not match), never wrong text.
    static func pageDictionary(_ articles: [Article]) -> [UInt8] {
        var dictionary: [UInt8] = []
        for article in articles.sorted(by: { $0.seq < $1.seq }) {
            for part in [article.headline, article.subheadline] + article.captions + [article.body] where !part.isEmpty
            {
                dictionary.append(contentsOf: part.utf8)
                dictionary.append(0x0A)
            }
        }
        // zlib uses the last 32 KiB (its window); the rest would only be hashed.
        return Array(dictionary.suffix(32 * 1024))
    }

    /// A preset dictionary for article bodies: the lexicon's most frequent words of two characters or
    /// more, the most frequent last (zlib reaches the end of a dictionary with the shortest
    /// distances). A short body deflates to about two thirds of its size alone and to about a half
    /// with it. An archive keeps the dictionary it was made with (`text_dictionary`), so a later
    /// lexicon never changes how stored bodies read. Bodies were deflated with it until migration
    /// "v16 character code"; those written since are spelt in a ``CharacterCode``.
    static func bodyDictionary(from lexicon: Lexicon) -> [UInt8] {
        // Made once a process for a lexicon (a test run makes many archives).
        let identity = "\(lexicon.nodeCount) \(lexicon.wordCount) \(lexicon.totalFrequency)"
        if let made = madeDictionaries.withLock({ $0[identity] }) { return made }
        var words: [[UInt8]] = []
        var size = 0
        for (word, _) in lexicon.mostFrequentWords(minimumLength: 2, limit: 20_000) {
            let bytes = Array(word.utf8)
            guard size + bytes.count <= 32 * 1024 else { break }
            words.append(bytes)
            size += bytes.count
        }
        let dictionary = Array(words.reversed().joined())
        madeDictionaries.withLock { $0[identity] = dictionary }
        return dictionary
    }

    private static let madeDictionaries = Mutex<[String: [UInt8]]>([:])

    /// The Adler-32 checksum of `bytes`, as zlib sums it: what names a dictionary or a character
    /// code, and what a stored text is checked against.
    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        UInt32(adler32(1, bytes.baseAddress, uInt(bytes.count)))
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBufferPointer(checksum) }

    // MARK: - zlib

    static func deflated(_ bytes: [UInt8], dictionary: [UInt8]) -> Data {
        deflated(bytes) { stream in open(stream, dictionary: dictionary) }
    }

    /// The deflate level. Level 3 is zlib's fastest level to search its whole hash chains for
    /// matches; over 2,000 generated pages it stores pages and bodies in 0.03 % more bytes than the
    /// default level 6, at about half the time (the preset dictionaries give it long matches to
    /// find: a page's articles, the lexicon's frequent words). Level 1 stored 1.7 % more.
    static let level: Int32 = 3

    /// zlib's memory level: the size of its hash table and of its buffer of symbols per block. A
    /// page of ten thousand bytes needs neither the default's larger table nor its larger buffer
    /// (bodies, when they were deflated: 0.4783 of their size against 0.4780 at level 8).
    static let memoryLevel: Int32 = 6

    /// Opens `stream` for deflating at ``level`` and ``memoryLevel``, with `dictionary` set when there is one.
    static func open(_ stream: UnsafeMutablePointer<z_stream>, dictionary: [UInt8]) {
        var status = deflateInit2_(
            stream, level, Z_DEFLATED, MAX_WBITS, memoryLevel, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit failed (\(status))")
        guard !dictionary.isEmpty else { return }
        status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(stream, $0.baseAddress, uInt($0.count)) }
        precondition(status == Z_OK, "zlib deflateSetDictionary failed (\(status))")
    }

    /// `bytes` deflated by a stream that `start` opens (and the caller then ends), after the 4-byte length.
    static func deflated(_ bytes: [UInt8], start: (UnsafeMutablePointer<z_stream>) -> Void) -> Data {
        // On the heap: zlib keeps a pointer back to the stream, which must not move between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        start(stream)
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, uLong(bytes.count)))
        var output = [UInt8](repeating: 0, count: 4 + bound)
        let count = UInt32(bytes.count)
        for shift in 0..<4 { output[shift] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(shift))) }
        var input = bytes
        var status = Z_OK
        let written = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = target.baseAddress! + 4
                stream.pointee.avail_out = uInt(bound)
                status = deflate(stream, Z_FINISH)
                return bound - Int(stream.pointee.avail_out)
            }
        }
        precondition(status == Z_STREAM_END, "zlib deflate did not finish (\(status)) with a sufficient buffer")
        return Data(output.prefix(4 + written))
    }

    static func inflated(_ data: Data, dictionary: (UInt32) throws -> [UInt8]) throws -> String {
        if isCoded(data) { return try decoded(data) }
        var input = [UInt8](data)
        // The length, the zlib header (2 bytes, then 4 naming the dictionary if one was used), the
        // deflate data, and the Adler-32 of the text (4 bytes).
        guard input.count >= 4 + 2 + 4 else { throw DatabaseError(message: "deflated text is truncated") }
        let count = (0..<4).reduce(0) { $0 | Int(input[$1]) << (8 * $1) }
        let (method, flags) = (input[4], input[5])
        guard method & 0x0F == 8, (Int(method) << 8 | Int(flags)) % 31 == 0 else {
            throw DatabaseError(message: "deflated text has no zlib header")
        }
        func bigEndian(at index: Int) -> UInt32 {
            (index..<index + 4).reduce(0) { $0 << 8 | UInt32(input[$1]) }
        }
        let usesDictionary = flags & 0x20 != 0
        let start = usesDictionary ? 10 : 6
        guard input.count >= start + 4 else { throw DatabaseError(message: "deflated text is truncated") }
        // The dictionary is found by its checksum and the text checked against its own below, so the
        // stream is read raw: zlib would otherwise sum the 32 KiB dictionary again for every body,
        // a tenth of a search's time.
        let words = usesDictionary ? try dictionary(bigEndian(at: 6)) : []
        var output = [UInt8](repeating: 0, count: max(count, 1))
        // On the heap: zlib keeps a pointer back to the stream, which must not move between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatabaseError(message: "zlib inflateInit failed")
        }
        defer { inflateEnd(stream) }
        if usesDictionary {
            let status = words.withUnsafeBufferPointer { inflateSetDictionary(stream, $0.baseAddress, uInt($0.count)) }
            guard status == Z_OK else { throw DatabaseError(message: "zlib refused the dictionary (\(status))") }
        }
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.pointee.next_in = source.baseAddress! + start
                stream.pointee.avail_in = uInt(source.count - start - 4)
                stream.pointee.next_out = target.baseAddress
                stream.pointee.avail_out = uInt(target.count)
                return inflate(stream, Z_FINISH)
            }
        }
        let text = output.prefix(count)
        let checksum = text.withUnsafeBufferPointer(checksum)
        guard status == Z_STREAM_END, Int(stream.pointee.total_out) == count, checksum == bigEndian(at: input.count - 4)
        else {
            throw DatabaseError(
                message: usesDictionary
                    ? "deflated text does not inflate: written with another dictionary? (zlib \(status))"
                    : "deflated text does not inflate (zlib \(status))")
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension TextCodec {
    /// The text of a BLOB spelt in a ``CharacterCode`` (``encode(_:code:)``): the code is found by its
    /// checksum among those loaded in this process (``TextCodes``), the text checked against its own.
    static func decoded(_ data: Data) throws -> String {
        try withCodedText(data) { code, bits, count, checksum in
            String(decoding: try code.decode(bits, utf8Count: count, checksum: checksum), as: UTF8.self)
        }
    }

    /// The scalars of a stored value's text: a coded BLOB read straight into scalars (checked against
    /// its checksum as ``decode(_:dictionary:)`` checks it), any other value decoded and split.
    static func decodeScalars(_ value: DatabaseValue) throws -> [Unicode.Scalar] {
        if case .blob(let data) = value.storage, isCoded(data) {
            return try withCodedText(data) { code, bits, count, checksum in
                try code.decodeScalars(bits, utf8Count: count, checksum: checksum)
            }
        }
        return Array(try decode(value).unicodeScalars)
    }

    /// Whether a BLOB holds a text spelt in a ``CharacterCode`` rather than a zlib stream.
    private static func isCoded(_ data: Data) -> Bool {
        data.count >= 13 && data[data.startIndex + 4] == codedMarker
    }

    /// Reads the header of a coded BLOB (``encode(_:code:)``) and gives `body` its code, its code
    /// words, its text's UTF-8 length and that text's Adler-32.
    private static func withCodedText<Result>(
        _ data: Data, _ body: (CharacterCode, UnsafeBufferPointer<UInt8>, Int, UInt32) throws -> Result
    ) throws -> Result {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            func littleEndian(at index: Int) -> UInt32 {
                (0..<4).reduce(0) { $0 | UInt32(bytes[index + $1]) << (8 * UInt32($1)) }
            }
            let code = try TextCodes.shared.code(checksum: littleEndian(at: 5))
            return try body(
                code, UnsafeBufferPointer(rebasing: bytes[13...]), Int(littleEndian(at: 0)), littleEndian(at: 9))
        }
    }
}

/// The character codes of the archives this process has opened, by checksum: a coded body names its
/// code by checksum, so it reads wherever it is decoded, as a deflated body does (``TextDictionaries``).
final class TextCodes: Sendable {
    static let shared = TextCodes()

    private let codes = Mutex<[UInt32: CharacterCode]>([:])

    /// Adds `code` (when no code of its checksum is known yet).
    func add(_ code: CharacterCode) {
        codes.withLock { codes in
            if codes[code.checksum] == nil { codes[code.checksum] = code }
        }
    }

    /// The code stored as `serialized`, added if new.
    func add(serialized: [UInt8]) throws -> CharacterCode {
        let checksum = TextCodec.checksum(serialized)
        if let known = codes.withLock({ $0[checksum] }) { return known }
        let code = try CharacterCode(serialized: serialized)
        add(code)
        return code
    }

    func code(checksum: UInt32) throws -> CharacterCode {
        guard let code = codes.withLock({ $0[checksum] }) else {
            throw DatabaseError(message: "coded text names a character code this archive does not hold (\(checksum))")
        }
        return code
    }
}

/// The body dictionaries of the archives this process has opened, by checksum: a deflated body names
/// its dictionary by checksum, so any archive's bodies read wherever they are decoded (in a SQL
/// function, a search, a migration) without the archive passing it along.
final class TextDictionaries: Sendable {
    static let shared = TextDictionaries()

    private let dictionaries = Mutex<[UInt32: [UInt8]]>([:])

    /// Adds `dictionary` and returns its checksum.
    @discardableResult
    func add(_ dictionary: [UInt8]) -> UInt32 {
        let checksum = TextCodec.checksum(dictionary)
        dictionaries.withLock { $0[checksum] = dictionary }
        return checksum
    }

    func bytes(checksum: UInt32) throws -> [UInt8] {
        guard let dictionary = dictionaries.withLock({ $0[checksum] }) else {
            throw DatabaseError(message: "deflated text names a dictionary this archive does not hold (\(checksum))")
        }
        return dictionary
    }
}
