import Foundation

/// The arrays of a lexicon trie, in memory allocated once and never written after `init`.
///
/// Nodes are numbered breadth-first, so the children of node `n` are `childStart[n] ..< childStart[n + 1]`,
/// sorted by label. This layout answers lookups by node (frequency, tag, "is this a word"); the
/// segmentation walk uses ``SegmentedTrie``, built from it.
///
/// `@unchecked Sendable` is safe: every buffer is filled in `init`, never mutated afterwards, and
/// freed only in `deinit`, when no reader can hold the storage any more.
final class TrieStorage: @unchecked Sendable {
    let nodeCount: Int
    /// `childStart[n] ..< childStart[n + 1]` are the children of node `n` (`nodeCount + 1` entries).
    let childStart: UnsafeMutableBufferPointer<UInt32>
    /// The scalar on the edge into each node, sorted among siblings.
    let labels: UnsafeMutableBufferPointer<UInt16>
    /// The frequency of the word each node ends, 0 when none.
    let frequencies: UnsafeMutableBufferPointer<UInt32>
    /// Natural log of each node's word probability; `-infinity` when the node ends no word.
    let logProbabilities: UnsafeMutableBufferPointer<Float>
    /// Index into the tag names of each node's word.
    let tags: UnsafeMutableBufferPointer<UInt8>
    /// For each scalar of the Basic Multilingual Plane, the node reached from the root, or -1.
    let rootChildren: UnsafeMutableBufferPointer<Int32>
    /// A 1 MiB bit set of the character pairs that begin some word (hashed): most failed first steps
    /// of the walk are answered here, in cache.
    let pairBits: UnsafeMutableBufferPointer<UInt64>
    static let pairBitCount = 1 << 23

    /// The one block all buffers live in, and its size.
    private let block: UnsafeMutableRawPointer
    private let blockSize: Int

    /// Allocates storage for `nodeCount` nodes; `fill` writes child starts, labels, frequencies and tags.
    init(nodeCount: Int, totalFrequency: Double, fill: (TrieStorage) throws -> Void) rethrows {
        self.nodeCount = nodeCount
        // One block, widest elements first so every buffer stays aligned.
        let sizes = [
            Self.pairBitCount / 8, 0x10000 * 4, (nodeCount + 1) * 4, nodeCount * 4, nodeCount * 4, nodeCount * 2,
            nodeCount,
        ]
        let offsets = sizes.indices.map { index in sizes[..<index].reduce(0) { $0 + ($1 + 63) / 64 * 64 } }
        blockSize = offsets[offsets.count - 1] + sizes[sizes.count - 1]
        let memory = HugePages.allocate(byteCount: blockSize)
        block = memory
        func buffer<T>(_ index: Int, _ count: Int) -> UnsafeMutableBufferPointer<T> {
            UnsafeMutableBufferPointer(start: (memory + offsets[index]).assumingMemoryBound(to: T.self), count: count)
        }
        pairBits = buffer(0, Self.pairBitCount / 64)
        rootChildren = buffer(1, 0x10000)
        childStart = buffer(2, nodeCount + 1)
        frequencies = buffer(3, nodeCount)
        logProbabilities = buffer(4, nodeCount)
        labels = buffer(5, nodeCount)
        tags = buffer(6, nodeCount)
        rootChildren.update(repeating: -1)
        try fill(self)
        let logTotal = Float(log(totalFrequency))
        for node in 0..<nodeCount {
            let frequency = frequencies[node]
            logProbabilities[node] = frequency > 0 ? logf(Float(frequency)) - logTotal : -.infinity
        }
        guard nodeCount > 0 else { return }
        for node in Int(childStart[0])..<Int(childStart[1]) {
            rootChildren[Int(labels[node])] = Int32(node)
            for child in Int(childStart[node])..<Int(childStart[node + 1]) {
                let bit = Self.pairBit(UInt32(labels[node]), UInt32(labels[child]))
                pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    deinit {
        HugePages.deallocate(block, byteCount: blockSize)
    }

    /// The bit of `pairBits` for the pair `first`, `second`.
    @inline(__always)
    static func pairBit(_ first: UInt32, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(first) << 21 ^ UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> 41)
    }

    /// Whether some word may begin with `first`, `second` (no false negatives).
    @inline(__always)
    func mayBeginWord(_ first: UInt32, _ second: UInt32) -> Bool {
        let bit = Self.pairBit(first, second)
        return pairBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The node reached from `node` over `label`, or -1 (also when `node` is -1).
    func child(of node: Int32, label: UInt32) -> Int32 {
        guard label < 0x10000, node >= 0 else { return -1 }
        if node == 0 { return rootChildren[Int(label)] }
        var low = Int(childStart[Int(node)])
        var high = Int(childStart[Int(node) + 1])
        let target = UInt16(label)
        while low < high {
            let middle = (low + high) >> 1
            let value = labels[middle]
            if value == target { return Int32(middle) }
            if value < target { low = middle + 1 } else { high = middle }
        }
        return -1
    }
}
