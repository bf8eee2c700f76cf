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
    /// One step down the trie, with what the hot loop needs of the node it reaches, in 16 bytes so a
    /// step costs one cache line.
    struct Edge {
        /// `parent << 16 | label`; 0 marks an empty slot (edges from the root are in `roots`).
        var key: UInt64
        /// The node reached, with `hasChildrenFlag` set when the walk can go on from it.
        var child: UInt32
        /// The log probability of the word the node ends, `-infinity` when none.
        var logProbability: Float
    }

    /// The node reached from the root over a scalar and its word's log probability.
    struct Root {
        /// The node reached (with `hasChildrenFlag`), or `UInt32.max` when none.
        var child: UInt32
        var logProbability: Float
    }

    static let hasChildrenFlag: UInt32 = 1 << 31
    static let nodeMask: UInt32 = (1 << 31) - 1

    /// Open-addressing table (linear probing) of every edge below the root.
    let edges: UnsafeMutableBufferPointer<Edge>
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
        let sizes = [capacity * 16, 0x10000 * 8, 0x10000 * 4, (nodeCount + 1) * 4, nodeCount * 4, nodeCount * 4, nodeCount * 2, nodeCount]
        let offsets = sizes.indices.map { index in sizes[..<index].reduce(0) { $0 + ($1 + 63) / 64 * 64 } }
        blockSize = offsets[offsets.count - 1] + sizes[sizes.count - 1]
        block = HugePages.allocate(byteCount: blockSize)
        edges = UnsafeMutableBufferPointer(start: (block + offsets[0]).assumingMemoryBound(to: Edge.self), count: capacity)
        roots = UnsafeMutableBufferPointer(start: (block + offsets[1]).assumingMemoryBound(to: Root.self), count: 0x10000)
        rootChildren = UnsafeMutableBufferPointer(
            start: (block + offsets[2]).assumingMemoryBound(to: Int32.self), count: 0x10000)
        childStart = UnsafeMutableBufferPointer(
            start: (block + offsets[3]).assumingMemoryBound(to: UInt32.self), count: nodeCount + 1)
        frequencies = UnsafeMutableBufferPointer(
            start: (block + offsets[4]).assumingMemoryBound(to: UInt32.self), count: nodeCount)
        logProbabilities = UnsafeMutableBufferPointer(
            start: (block + offsets[5]).assumingMemoryBound(to: Float.self), count: nodeCount)
        labels = UnsafeMutableBufferPointer(start: (block + offsets[6]).assumingMemoryBound(to: UInt16.self), count: nodeCount)
        tags = UnsafeMutableBufferPointer(start: (block + offsets[7]).assumingMemoryBound(to: UInt8.self), count: nodeCount)
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
        precondition(nodeCount < 1 << 30, "node numbers must fit in 30 bits")
        func flagged(_ node: Int) -> UInt32 {
            UInt32(node) | (childStart[node] < childStart[node + 1] ? Self.hasChildrenFlag : 0)
        }
        if nodeCount > 0 {
            for node in Int(childStart[0])..<Int(childStart[1]) {
                roots[Int(labels[node])] = Root(child: flagged(node), logProbability: logProbabilities[node])
            }
        }
        for parent in 1..<max(nodeCount, 1) {
            for child in Int(childStart[parent])..<Int(childStart[parent + 1]) {
                let key = UInt64(parent) << 16 | UInt64(labels[child])
                var slot = Self.slot(of: key, mask: edgeMask)
                while edges[slot].key != 0 { slot = (slot + 1) & edgeMask }
                edges[slot] = Edge(key: key, child: flagged(child), logProbability: logProbabilities[child])
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

    /// The edge from `node` (not the root) over `label`, or `nil`.
    @inline(__always)
    func edge(from node: UInt32, label: UInt32) -> Edge? {
        let key = UInt64(node) << 16 | UInt64(label & 0xFFFF)
        guard label < 0x10000 else { return nil }
        var slot = Self.slot(of: key, mask: edgeMask)
        while true {
            let entry = edges[slot]
            if entry.key == key { return entry }
            if entry.key == 0 { return nil }
            slot = (slot + 1) & edgeMask
        }
    }

    /// The node reached from `node` over `label`, or -1.
    @inline(__always)
    func child(of node: Int32, label: UInt32) -> Int32 {
        guard label < 0x10000 else { return -1 }
        if node == 0 { return rootChildren[Int(label)] }
        let key = UInt64(UInt32(bitPattern: node)) << 16 | UInt64(label)
        var slot = Self.slot(of: key, mask: edgeMask)
        while true {
            let entry = edges[slot]
            if entry.key == key { return Int32(bitPattern: entry.child & Self.nodeMask) }
            if entry.key == 0 { return -1 }
            slot = (slot + 1) & edgeMask
        }
    }
}
