import Foundation

/// A word list with frequencies, stored as a prefix trie over Unicode scalars.
///
/// Nodes are numbered in breadth-first order, so the children of node `n` are the nodes
/// `childStart[n] ..< childStart[n + 1]`, sorted by their label (the scalar on the edge into them).
/// A node whose frequency is above zero ends a word. The default lexicon is derived from jieba's
/// MIT-licensed dictionary by `scripts/lexicon/generate.sh`; it loads in a few milliseconds
/// because the file holds the arrays exactly as they are used.
public struct Lexicon: Sendable {
    let storage: TrieStorage
    /// The same trie laid out for the segmentation walk.
    let walk: SegmentedTrie
    let tagNames: [String]

    /// The sum of all word frequencies.
    public let totalFrequency: Double
    /// How many words the lexicon holds.
    public let wordCount: Int
    /// The log probability given to a single character the lexicon does not know (frequency 1).
    public let unknownLogProbability: Double

    /// The number of trie nodes.
    public var nodeCount: Int { storage.nodeCount }

    init(storage: TrieStorage, tagNames: [String], totalFrequency: Double, wordCount: Int) {
        self.storage = storage
        self.walk = SegmentedTrie(storage)
        self.tagNames = tagNames
        self.totalFrequency = totalFrequency
        self.wordCount = wordCount
        self.unknownLogProbability = -log(totalFrequency)
    }

    // MARK: - Lookup

    /// The node reached from `node` over `label`, or -1.
    @inline(__always)
    func child(of node: Int32, label: UInt32) -> Int32 { storage.child(of: node, label: label) }

    /// The frequency of the word ending at `node` (0 when none).
    @inline(__always)
    func frequency(at node: Int32) -> UInt32 { node > 0 ? storage.frequencies[Int(node)] : 0 }

    /// The node that ends `word`'s path, or -1.
    func node(of word: [UInt32]) -> Int32 {
        var node: Int32 = 0
        for value in word {
            node = child(of: node, label: value)
            if node < 0 { return -1 }
        }
        return node
    }

    /// The frequency of `word`, or `nil` when it is not a word of the lexicon.
    public func frequency(of word: String) -> Int? {
        let node = node(of: word.unicodeScalars.map { ScalarClass.foldWidth($0.value) })
        guard frequency(at: node) > 0 else { return nil }
        return Int(frequency(at: node))
    }

    /// The part-of-speech tag jieba gives `word` (`n`, `nr`, `ns`, `v`…), or `nil` when it is not a word.
    public func tag(of word: String) -> String? {
        let node = node(of: word.unicodeScalars.map { ScalarClass.foldWidth($0.value) })
        guard frequency(at: node) > 0 else { return nil }
        let index = Int(storage.tags[Int(node)])
        return index < tagNames.count ? tagNames[index] : nil
    }

    /// Whether `word` is a word of the lexicon.
    public func contains(_ word: String) -> Bool { frequency(of: word) != nil }

    // MARK: - Lookup by scalars

    /// The tag of the word spelled by `word`'s scalars, or `nil`: ``tag(of:)`` without building a `String`.
    public func tag(ofScalars word: ArraySlice<UInt32>) -> String? {
        let node = node(ofScalars: word)
        guard frequency(at: node) > 0 else { return nil }
        let index = Int(storage.tags[Int(node)])
        return index < tagNames.count ? tagNames[index] : nil
    }

    /// The index in ``tagNameList`` of the tag of the word spelled by `word`'s scalars, or `nil` exactly
    /// when ``tag(ofScalars:)`` is `nil`: for readers that classify tags once, by index, instead of
    /// comparing and hashing their names word after word.
    public func tagIndex(ofScalars word: ArraySlice<UInt32>) -> Int? {
        guard let found = walkEntry(ofScalars: word), SegmentedTrie.endsWord(found.entry) else { return nil }
        let index = Int(found.tag)
        return index < tagNames.count ? index : nil
    }

    /// Whether the scalars spell a word of the lexicon: ``contains(_:)`` without building a `String`.
    public func contains(scalars word: ArraySlice<UInt32>) -> Bool {
        walkEntry(ofScalars: word).map { SegmentedTrie.endsWord($0.entry) } ?? false
    }

    /// The segmentation walk's entry for the path of `word` (its scalars width-folded) and the tag
    /// beside it, or `nil` when no path spells it. The walk's trie mirrors `storage` node for node
    /// (an entry ends a word exactly when the node's frequency is above zero, and carries its
    /// tag), and takes one hashed read a step where the node trie took a binary search over the
    /// children: the finders ask the lexicon about words many times a clause.
    private func walkEntry(ofScalars word: ArraySlice<UInt32>) -> (entry: UInt64, tag: UInt8)? {
        guard let first = word.first else { return nil }
        let label = ScalarClass.foldWidth(first)
        guard label < 0x10000 else { return nil }
        var entry = walk.roots[Int(label)]
        guard entry != 0 else { return nil }
        var tag = walk.rootTags[Int(label)]
        for value in word.dropFirst() {
            let slot = walk.stepSlot(from: entry, label: ScalarClass.foldWidth(value))
            if slot < 0 { return nil }
            entry = walk.slots[slot]
            tag = walk.slotTags[slot]
        }
        return (entry, tag)
    }

    /// The node that ends the path of `word` (its scalars width-folded), or -1.
    private func node(ofScalars word: ArraySlice<UInt32>) -> Int32 {
        var node: Int32 = 0
        for value in word {
            node = child(of: node, label: ScalarClass.foldWidth(value))
            if node < 0 { return -1 }
        }
        return node
    }
}

// MARK: - Enumeration

extension Lexicon {
    /// The `limit` most frequent words of at least `minimumLength` scalars, most frequent first (ties
    /// in trie order, so the list is the same on every run).
    public func mostFrequentWords(minimumLength: Int, limit: Int) -> [(word: String, frequency: Int)] {
        // Nodes are numbered breadth first, so a parent comes before its children: one pass gives
        // every node's parent and depth.
        let count = storage.nodeCount
        var parent = [Int32](repeating: -1, count: count)
        var depth = [Int32](repeating: 0, count: count)
        for node in 0..<count {
            for child in Int(storage.childStart[node])..<Int(storage.childStart[node + 1]) {
                parent[child] = Int32(node)
                depth[child] = depth[node] + 1
            }
        }
        // Frequency in the high half, the node's distance from the end in the low half: one integer
        // sort puts the most frequent first and ties in trie order.
        var keys: [UInt64] = []
        for node in 1..<count where storage.frequencies[node] > 0 && depth[node] >= minimumLength {
            keys.append(UInt64(storage.frequencies[node]) << 32 | UInt64(UInt32(count - node)))
        }
        keys.sort(by: >)
        return keys.prefix(limit).map { key in
            let node = count - Int(key & 0xFFFF_FFFF)
            var scalars: [UInt32] = []
            var current = node
            while current > 0 {
                scalars.append(UInt32(storage.labels[current]))
                current = Int(parent[current])
            }
            return (String(scalarValues: scalars.reversed()[...]), Int(storage.frequencies[node]))
        }
    }
}

extension Lexicon {
    /// How often each scalar occurs in the lexicon's words, each word counted as often as its
    /// frequency says: a character's share of running text, as the word list estimates it. Sorted by
    /// scalar.
    public func scalarFrequencies() -> [(scalar: UInt32, frequency: Int)] {
        // A node's label occurs once in every word whose path passes through the node, so it counts
        // the frequencies of the node's whole subtree. Children come after their parent (breadth
        // first), so one backward pass sums every subtree.
        let count = storage.nodeCount
        var subtree = [Int](repeating: 0, count: count)
        var totals: [UInt32: Int] = [:]
        for node in stride(from: count - 1, to: 0, by: -1) {
            var sum = Int(storage.frequencies[node])
            for child in Int(storage.childStart[node])..<Int(storage.childStart[node + 1]) { sum += subtree[child] }
            subtree[node] = sum
            if sum > 0 { totals[UInt32(storage.labels[node]), default: 0] += sum }
        }
        return totals.sorted { $0.key < $1.key }.map { (scalar: $0.key, frequency: $0.value) }
    }
}
