/// The lexicon trie laid out for the segmentation walk: the children of each node sit together in a
/// small hash table of their own, and every entry carries all the walk needs of the node it leads to.
///
/// An entry is 64 bits: the label (bits 0–15), where the child's own table starts (16–36) and its size
/// code (37–40: 0 when the child has no children, else log2 of the size plus one), whether the child
/// ends a word (41), and minus its log probability in fixed point (42–63, steps of 2⁻¹⁷). 0 marks an
/// empty slot. A step down the trie is one read, in a table that for a frequent character stays in
/// cache, and nothing else is read until a path ends.
///
/// `@unchecked Sendable` is safe: both buffers are written in `init` only and freed in `deinit`.
final class SegmentedTrie: @unchecked Sendable {
    /// The per-node tables, one after another.
    let slots: UnsafeMutableBufferPointer<UInt64>
    /// For each scalar of the Basic Multilingual Plane, the entry of the root's child, or 0.
    let roots: UnsafeMutableBufferPointer<UInt64>
    /// The tag index of the word each entry's node ends: `slotTags` beside `slots`, `rootTags` beside `roots`.
    let slotTags: UnsafeMutableBufferPointer<UInt8>
    let rootTags: UnsafeMutableBufferPointer<UInt8>
    private let block: UnsafeMutableRawPointer
    private let blockSize: Int

    static let scale = 131_072.0  // 2^17

    /// Lays out the trie of `storage` (children starts, labels, frequencies, log probabilities).
    init(_ storage: TrieStorage) {
        let nodeCount = storage.nodeCount
        // Size codes and table starts of every node.
        var sizeCodes = [UInt8](repeating: 0, count: nodeCount)
        var starts = [Int](repeating: 0, count: nodeCount)
        var total = 1  // slot 0 stays empty, so no table starts at 0 by accident
        for node in 1..<max(nodeCount, 1) {
            let children = Int(storage.childStart[node + 1] - storage.childStart[node])
            guard children > 0 else { continue }
            var size = 1
            var code: UInt8 = 1
            while size < children + (children + 1) / 2 {
                size <<= 1
                code += 1
            }
            precondition(code < 16, "a node has too many children for a size code")
            sizeCodes[node] = code
            starts[node] = total
            total += size
        }
        precondition(total < 1 << 21, "the lexicon is too large for 21-bit table starts")
        blockSize = (total + 0x10000) * 9
        block = HugePages.allocate(byteCount: blockSize)
        slots = UnsafeMutableBufferPointer(start: block.assumingMemoryBound(to: UInt64.self), count: total)
        roots = UnsafeMutableBufferPointer(
            start: (block + total * 8).assumingMemoryBound(to: UInt64.self), count: 0x10000)
        slotTags = UnsafeMutableBufferPointer(
            start: (block + (total + 0x10000) * 8).assumingMemoryBound(to: UInt8.self), count: total)
        rootTags = UnsafeMutableBufferPointer(
            start: (block + (total + 0x10000) * 8 + total).assumingMemoryBound(to: UInt8.self), count: 0x10000)

        func entry(_ node: Int) -> UInt64 {
            let logProbability = storage.logProbabilities[node]
            let endsWord = storage.frequencies[node] > 0
            let fixed = endsWord ? UInt64(min(Double(-logProbability) * Self.scale, Double((1 << 22) - 1))) : 0
            return UInt64(storage.labels[node]) | UInt64(starts[node]) << 16 | UInt64(sizeCodes[node]) << 37
                | (endsWord ? 1 << 41 : 0) | fixed << 42
        }
        if nodeCount > 0 {
            for node in Int(storage.childStart[0])..<Int(storage.childStart[1]) {
                roots[Int(storage.labels[node])] = entry(node)
                rootTags[Int(storage.labels[node])] = storage.tags[node]
            }
        }
        for node in 1..<max(nodeCount, 1) where sizeCodes[node] > 0 {
            let mask = (1 << Int(sizeCodes[node] - 1)) - 1
            for child in Int(storage.childStart[node])..<Int(storage.childStart[node + 1]) {
                var offset = Self.hash(UInt32(storage.labels[child])) & mask
                while slots[starts[node] + offset] != 0 { offset = (offset + 1) & mask }
                slots[starts[node] + offset] = entry(child)
                slotTags[starts[node] + offset] = storage.tags[child]
            }
        }
    }

    deinit {
        HugePages.deallocate(block, byteCount: blockSize)
    }

    @inline(__always)
    static func hash(_ label: UInt32) -> Int { Int(truncatingIfNeeded: (label &* 0x9E37_79B1) >> 16) }

    /// The entry one step down from `entry` over `label`, or 0.
    @inline(__always)
    func step(from entry: UInt64, label: UInt32) -> UInt64 {
        let code = Int(truncatingIfNeeded: (entry >> 37) & 0xF)
        guard code > 0, label < 0x10000 else { return 0 }
        let start = Int(truncatingIfNeeded: (entry >> 16) & 0x1F_FFFF)
        let mask = (1 << (code - 1)) - 1
        var offset = Self.hash(label) & mask
        while true {
            let candidate = slots[start + offset]
            if candidate & 0xFFFF == UInt64(label) || candidate == 0 { return candidate }
            offset = (offset + 1) & mask
        }
    }

    /// The slot of the entry one step down from `entry` over `label`, or -1.
    @inline(__always)
    func stepSlot(from entry: UInt64, label: UInt32) -> Int {
        let code = Int(truncatingIfNeeded: (entry >> 37) & 0xF)
        guard code > 0, label < 0x10000 else { return -1 }
        let start = Int(truncatingIfNeeded: (entry >> 16) & 0x1F_FFFF)
        let mask = (1 << (code - 1)) - 1
        var offset = Self.hash(label) & mask
        while true {
            let candidate = slots[start + offset]
            if candidate & 0xFFFF == UInt64(label) { return start + offset }
            if candidate == 0 { return -1 }
            offset = (offset + 1) & mask
        }
    }

    /// Whether the node an entry leads to has children.
    @inline(__always)
    static func hasChildren(_ entry: UInt64) -> Bool { entry & (0xF << 37) != 0 }

    /// Whether the node an entry leads to ends a word.
    @inline(__always)
    static func endsWord(_ entry: UInt64) -> Bool { entry & (1 << 41) != 0 }

    /// The log probability of the word the entry's node ends.
    @inline(__always)
    static func logProbability(_ entry: UInt64) -> Double { -Double(entry >> 42) / scale }
}
