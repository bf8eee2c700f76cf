import AlmanacText
import Foundation
import Synchronization

/// A fixed prefix code over Unicode scalars (canonical Huffman), for storing Chinese text compactly
/// and fast.
///
/// Chinese news text is characters drawn from a few thousand, with skewed frequencies: spelt with
/// a code as long as each character's share of text calls for, a body takes under half of its UTF-8
/// size. A general-purpose compressor finds less to gain in a body of a thousand characters (few
/// repeats; its preset dictionary helps only so much) and spends ten times the time looking for it.
///
/// The code gives every scalar it knows a code word, and one more word, the escape, which is
/// followed by any other scalar's 21 bits. So every text has a spelling; a text of characters the
/// code does not expect may merely come out longer than its UTF-8 (``TextCodec`` then keeps it as
/// text). Code words are at most ``maximumLength`` bits.
///
/// An archive keeps the code its bodies were written with (``serialized``, named by its Adler-32
/// checksum), so a code made from a later lexicon never changes how stored bodies read.
final class CharacterCode: Sendable {
    /// The longest code word: short enough for a decoder's tables, long enough to cost the rarest
    /// characters little. Beyond it, rarer characters share longer words' weight.
    static let maximumLength = 20
    /// The bits of a code word read at once by one table lookup; longer words take a second step.
    static let lookupBits = 12
    /// The escape symbol's value in ``symbols``; the 3-byte serialized form writes it as `0xFFFFFF`.
    static let escape: UInt32 = 0xFF_FFFF

    /// The symbols in canonical order (by code length, then value), the escape among them.
    let symbols: [UInt32]
    /// Each symbol's code length, in the same order.
    let lengths: [UInt8]
    /// The table as stored: each symbol's value in 3 bytes (little-endian), then its length.
    let serialized: [UInt8]
    /// The Adler-32 checksum of ``serialized``, which a stored text names its code by.
    let checksum: UInt32

    /// For scalars below 0x10000: the code word in the high bits, its length in the low 5 bits;
    /// 0 for a scalar the code spells with the escape.
    let encoding: [UInt32]
    /// The escape's code word and length, packed like ``encoding``.
    let escapeWord: UInt32

    /// Indexed by the next ``lookupBits`` bits of the stream: the symbol's UTF-8 (up to 4 bytes,
    /// little-endian) in the low 32 bits, its byte count in bits 32–39 (0 for the escape) and its
    /// code length in bits 40–47; a length of 0 means a code word longer than ``lookupBits``.
    let lookup: [UInt64]
    /// For each length: the first canonical code word of that length, and where that length's
    /// symbols start in ``symbols``.
    let firstCode: [UInt32]
    let firstIndex: [Int]
    /// How many symbols have each length.
    let countOfLength: [Int]

    /// Makes the code from symbol weights (how often each scalar is expected); symbols of weight 0
    /// are left out, and the escape gets `escapeWeight`.
    convenience init(weights: [UInt32: Int], escapeWeight: Int) {
        var weights = weights.filter { $0.value > 0 && $0.key < Self.escape }
        weights[Self.escape] = max(1, escapeWeight)
        let entries = weights.sorted { $0.key < $1.key }
        precondition(entries.count >= 2, "a code needs two symbols or more (the escape and one scalar)")
        var values = entries.map { Int64($0.value) }
        var lengths = Self.huffmanLengths(values)
        // Too long a word for the rarest characters: flatten the weights (halving keeps the order,
        // the floor of 1 lifts the rare ones) until every word fits. Costs the rarest a few bits.
        while lengths.max() ?? 0 > Self.maximumLength {
            values = values.map { max(1, $0 / 2) }
            lengths = Self.huffmanLengths(values)
        }
        // Huffman lengths make a complete code by construction, and every length is now in bounds.
        self.init(canonical: Self.canonicalOrder(zip(entries.map(\.key), lengths).map { ($0, UInt8($1)) }))
    }

    /// Reads a code stored by ``serialized``.
    convenience init(serialized bytes: [UInt8]) throws {
        guard bytes.count % 4 == 0, !bytes.isEmpty else { throw CharacterCodeError.damaged("its size") }
        var pairs: [(UInt32, UInt8)] = []
        pairs.reserveCapacity(bytes.count / 4)
        for start in stride(from: 0, to: bytes.count, by: 4) {
            let value = UInt32(bytes[start]) | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2]) << 16
            pairs.append((value, bytes[start + 3]))
        }
        let sorted = Self.canonicalOrder(pairs)
        let maximum = Self.maximumLength
        guard let shortest = sorted.first?.1, shortest >= 1, let longest = sorted.last?.1, longest <= maximum,
            Set(sorted.map(\.0)).count == sorted.count, sorted.contains(where: { $0.0 == Self.escape })
        else { throw CharacterCodeError.damaged("its lengths or symbols") }
        // A complete code: the lengths' Kraft sum is exactly 1 (every bit string starts some word).
        let kraft = sorted.reduce(0) { $0 + (1 << (maximum - Int($1.1))) }
        guard kraft == 1 << maximum else { throw CharacterCodeError.damaged("its lengths do not make a complete code") }
        self.init(canonical: sorted)
    }

    /// Symbols and lengths in canonical order: by length, then by value.
    private static func canonicalOrder(_ pairs: [(UInt32, UInt8)]) -> [(UInt32, UInt8)] {
        pairs.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// Makes the tables from each symbol's length, in canonical order, the lengths making a complete
    /// prefix code of words of 1 to ``maximumLength`` bits (checked by the callers).
    private init(canonical sorted: [(UInt32, UInt8)]) {
        let maximum = Self.maximumLength
        symbols = sorted.map(\.0)
        lengths = sorted.map(\.1)
        var serialized: [UInt8] = []
        serialized.reserveCapacity(sorted.count * 4)
        for (value, length) in sorted {
            serialized += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), length]
        }
        self.serialized = serialized
        checksum = TextCodec.checksum(serialized)

        // Canonical code words: each length's words follow the last of the shorter ones, shifted.
        var countOfLength = [Int](repeating: 0, count: maximum + 1)
        for length in lengths { countOfLength[Int(length)] += 1 }
        var firstCode = [UInt32](repeating: 0, count: maximum + 2)
        var firstIndex = [Int](repeating: 0, count: maximum + 2)
        var code: UInt32 = 0
        var index = 0
        for length in 1...maximum {
            firstCode[length] = code
            firstIndex[length] = index
            code = (code + UInt32(countOfLength[length])) << 1
            index += countOfLength[length]
        }
        self.countOfLength = countOfLength
        self.firstCode = firstCode
        self.firstIndex = firstIndex

        var encoding = [UInt32](repeating: 0, count: 0x1_0000)
        var escapeWord: UInt32 = 0
        var lookup = [UInt64](repeating: 0, count: 1 << Self.lookupBits)
        for (position, (value, length)) in sorted.enumerated() {
            let word = firstCode[Int(length)] + UInt32(position - firstIndex[Int(length)])
            let packed = word << 5 | UInt32(length)
            if value == Self.escape {
                escapeWord = packed
            } else if value < 0x1_0000 {
                encoding[Int(value)] = packed
            }
            guard Int(length) <= Self.lookupBits else { continue }
            let utf8: (bytes: UInt32, count: UInt64) = value == Self.escape ? (0, 0) : Self.utf8(of: value)
            let entry = UInt64(utf8.bytes) | utf8.count << 32 | UInt64(length) << 40
            // Every lookup index that starts with this word.
            let spare = Self.lookupBits - Int(length)
            let base = Int(word) << spare
            for filler in 0..<(1 << spare) { lookup[base | filler] = entry }
        }
        self.encoding = encoding
        self.escapeWord = escapeWord
        self.lookup = lookup
    }

    /// The UTF-8 of `value`, little-endian in a word, and its byte count.
    static func utf8(of value: UInt32) -> (bytes: UInt32, count: UInt64) {
        // Worked out rather than read from a `String`: a decoder asks for every rare character.
        guard Unicode.Scalar(value) != nil else { return (0xBD_BF_EF, 3) }  // U+FFFD
        let v = value
        switch v {
        case ..<0x80: return (v, 1)
        case ..<0x800: return (0xC0 | v >> 6 | (0x80 | v & 0x3F) << 8, 2)
        case ..<0x1_0000: return (0xE0 | v >> 12 | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16, 3)
        default:
            return (
                0xF0 | v >> 18 | (0x80 | v >> 12 & 0x3F) << 8 | (0x80 | v >> 6 & 0x3F) << 16 | (0x80 | v & 0x3F) << 24,
                4
            )
        }
    }

    /// Huffman code lengths for `weights` (all above 0), in their order.
    static func huffmanLengths(_ weights: [Int64]) -> [Int] {
        let count = weights.count
        guard count > 1 else { return [Int](repeating: 1, count: count) }
        // Two queues: the leaves by weight, and the merged nodes, which come out in weight order.
        let leaves = weights.indices.sorted { (weights[$0], $0) < (weights[$1], $1) }
        var weight = weights + [Int64](repeating: 0, count: count - 1)
        var parent = [Int](repeating: -1, count: 2 * count - 1)
        var leaf = 0
        var merged = count
        var next = count
        func smallest() -> Int {
            if leaf < count && (merged == next || weights[leaves[leaf]] <= weight[merged]) {
                leaf += 1
                return leaves[leaf - 1]
            }
            merged += 1
            return merged - 1
        }
        while next < 2 * count - 1 {
            let a = smallest()
            let b = smallest()
            weight[next] = weight[a] + weight[b]
            parent[a] = next
            parent[b] = next
            next += 1
        }
        // Depths from the root down: a node's parent comes after it.
        var depth = [Int](repeating: 0, count: 2 * count - 1)
        for node in stride(from: 2 * count - 3, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        return Array(depth.prefix(count))
    }
}

/// A stored code table that cannot be read.
enum CharacterCodeError: Error, CustomStringConvertible {
    case damaged(String)

    var description: String {
        switch self {
        case .damaged(let what): return "the archive's character code is damaged (\(what))"
        }
    }
}
