import Foundation

/// The arrays of a lexicon trie in memory allocated once and never written after `init`.
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
    /// One step down the trie packed in 8 bytes: `parent << 16 | label` (38 bits), the child (22 bits),
    /// whether the child has children (bit 1) and whether it ends a word (bit 0). 0 marks an empty slot;
    /// edges from the root are in `roots`.
    typealias Edge = UInt64

    static let edgeHasChildren: UInt64 = 2
    static let edgeEndsWord: UInt64 = 1

    /// The node an edge leads to.
    @inline(__always)
    static func child(of edge: Edge) -> Int { Int(truncatingIfNeeded: (edge >> 2) & 0x3F_FFFF) }

    /// The node reached from the root over a scalar and its word's log probability.
    struct Root {
        /// The node reached (with `hasChildrenFlag`), or `UInt32.max` when none.
        var child: UInt32
        var logProbability: Float
    }

    static let hasChildrenFlag: UInt32 = 1 << 31
    static let nodeMask: UInt32 = (1 << 31) - 1

    /// Open-addressing table (linear probing) of every edge below the root: 8 MiB for jieba's lexicon,
    /// small enough to stay in the last-level cache.
    let edges: UnsafeMutableBufferPointer<Edge>
    /// A 1 MiB bit set of the character pairs that begin some word (hashed): most failed first steps
    /// are answered here, in cache, without touching `edges`.
    let pairBits: UnsafeMutableBufferPointer<UInt64>
    static let pairBitCount = 1 << 23

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

    /// For each scalar of the Basic Multilingual Plane, the edge from the root.
    let roots: UnsafeMutableBufferPointer<Root>
    let edgeMask: Int
    /// The one block all buffers live in, and its size.
    private let block: UnsafeMutableRawPointer
    private let blockSize: Int

    /// Allocates storage for `nodeCount` nodes; `fill` writes child starts, labels, frequencies and tags.
    init(nodeCount: Int, totalFrequency: Double, fill: (TrieStorage) throws -> Void) rethrows {
        self.nodeCount = nodeCount
        var capacity = 1024
        while capacity < nodeCount * 2 { capacity <<= 1 }
        edgeMask = capacity - 1
        // One block, widest elements first so every buffer stays aligned.
        let sizes = [
            capacity * 8, Self.pairBitCount / 8, 0x10000 * 8, 0x10000 * 4, (nodeCount + 1) * 4, nodeCount * 4,
            nodeCount * 4, nodeCount * 2,
            nodeCount,
        ]
        let offsets = sizes.indices.map { index in sizes[..<index].reduce(0) { $0 + ($1 + 63) / 64 * 64 } }
        blockSize = offsets[offsets.count - 1] + sizes[sizes.count - 1]
        block = HugePages.allocate(byteCount: blockSize)
        edges = UnsafeMutableBufferPointer(
            start: (block + offsets[0]).assumingMemoryBound(to: Edge.self), count: capacity)
        pairBits = UnsafeMutableBufferPointer(
            start: (block + offsets[1]).assumingMemoryBound(to: UInt64.self), count: Self.pairBitCount / 64)
        roots = UnsafeMutableBufferPointer(
            start: (block + offsets[2]).assumingMemoryBound(to: Root.self), count: 0x10000)
        rootChildren = UnsafeMutableBufferPointer(
            start: (block + offsets[3]).assumingMemoryBound(to: Int32.self), count: 0x10000)
        childStart = UnsafeMutableBufferPointer(
            start: (block + offsets[4]).assumingMemoryBound(to: UInt32.self), count: nodeCount + 1)
        frequencies = UnsafeMutableBufferPointer(
            start: (block + offsets[5]).assumingMemoryBound(to: UInt32.self), count: nodeCount)
        logProbabilities = UnsafeMutableBufferPointer(
            start: (block + offsets[6]).assumingMemoryBound(to: Float.self), count: nodeCount)
        labels = UnsafeMutableBufferPointer(
            start: (block + offsets[7]).assumingMemoryBound(to: UInt16.self), count: nodeCount)
        tags = UnsafeMutableBufferPointer(
            start: (block + offsets[8]).assumingMemoryBound(to: UInt8.self), count: nodeCount)
        rootChildren.update(repeating: -1)
        roots.update(repeating: Root(child: UInt32.max, logProbability: -.infinity))
        try fill(self)
        let logTotal = Float(log(totalFrequency))
        for node in 0..<nodeCount {
            let frequency = frequencies[node]
            logProbabilities[node] = frequency > 0 ? logf(Float(frequency)) - logTotal : -.infinity
        }
        if nodeCount > 0 {
            for node in Int(childStart[0])..<Int(childStart[1]) { rootChildren[Int(labels[node])] = Int32(node) }
        }
        precondition(nodeCount < 1 << 22, "node numbers must fit in the 22 bits of an edge")
        func flagged(_ node: Int) -> UInt32 {
            UInt32(node) | (childStart[node] < childStart[node + 1] ? Self.hasChildrenFlag : 0)
        }
        if nodeCount > 0 {
            for node in Int(childStart[0])..<Int(childStart[1]) {
                roots[Int(labels[node])] = Root(child: flagged(node), logProbability: logProbabilities[node])
            }
        }
        if nodeCount > 0 {
            for parent in Int(childStart[0])..<Int(childStart[1]) {
                for child in Int(childStart[parent])..<Int(childStart[parent + 1]) {
                    let bit = Self.pairBit(UInt32(labels[parent]), UInt32(labels[child]))
                    pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
                }
            }
        }
        for parent in 1..<max(nodeCount, 1) {
            for child in Int(childStart[parent])..<Int(childStart[parent + 1]) {
                let key = UInt64(parent) << 16 | UInt64(labels[child])
                var slot = Self.slot(of: key, mask: edgeMask)
                while edges[slot] != 0 { slot = (slot + 1) & edgeMask }
                let hasChildren = childStart[child] < childStart[child + 1] ? Self.edgeHasChildren : 0
                let endsWord = frequencies[child] > 0 ? Self.edgeEndsWord : 0
                edges[slot] = key << 24 | UInt64(child) << 2 | hasChildren | endsWord
            }
        }
    }

    @inline(__always)
    static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    deinit {
        HugePages.deallocate(block, byteCount: blockSize)
    }

    /// The edge from `node` (not the root) over `label`, or 0.
    @inline(__always)
    func edge(from node: Int, label: UInt32) -> Edge {
        guard label < 0x10000 else { return 0 }
        let key = UInt64(node) << 16 | UInt64(label)
        var slot = Self.slot(of: key, mask: edgeMask)
        while true {
            let entry = edges[slot]
            if entry >> 24 == key || entry == 0 { return entry }
            slot = (slot + 1) & edgeMask
        }
    }

    /// The node reached from `node` over `label`, or -1 (also when `node` is -1).
    @inline(__always)
    func child(of node: Int32, label: UInt32) -> Int32 {
        guard label < 0x10000, node >= 0 else { return -1 }
        if node == 0 { return rootChildren[Int(label)] }
        let edge = edge(from: Int(node), label: label)
        return edge == 0 ? -1 : Int32(Self.child(of: edge))
    }
}
