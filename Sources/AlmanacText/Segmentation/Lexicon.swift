import Foundation

/// A word list with frequencies, stored as a prefix trie over Unicode scalars.
///
/// Nodes are numbered in breadth-first order, so the children of node `n` are the nodes
/// `childStart[n] ..< childStart[n + 1]`, sorted by their label (the scalar on the edge into them).
/// A node whose frequency is above zero ends a word. The default lexicon is derived from jieba's
/// MIT-licensed dictionary by `scripts/lexicon/generate.sh`; it loads in a few milliseconds
/// because the file holds the arrays exactly as they are used.
public struct Lexicon: Sendable {
    let childStart: [UInt32]
    let labels: [UInt16]
    let frequencies: [UInt32]
    let tagIndices: [UInt8]
    /// Natural log of each node's probability (`frequency / totalFrequency`); `-infinity` when not a word.
    let logProbabilities: [Float]
    /// For each scalar of the Basic Multilingual Plane, the node reached from the root, or -1.
    let rootChildren: [Int32]
    let tagNames: [String]

    /// The sum of all word frequencies.
    public let totalFrequency: Double
    /// How many words the lexicon holds.
    public let wordCount: Int
    /// The log probability given to a single character the lexicon does not know (frequency 1).
    public let unknownLogProbability: Double

    /// The number of trie nodes.
    public var nodeCount: Int { labels.count }

    init(childStart: [UInt32], labels: [UInt16], frequencies: [UInt32], tagIndices: [UInt8], tagNames: [String],
         totalFrequency: Double, wordCount: Int)
    {
        self.childStart = childStart
        self.labels = labels
        self.frequencies = frequencies
        self.tagIndices = tagIndices
        self.tagNames = tagNames
        self.totalFrequency = totalFrequency
        self.wordCount = wordCount
        let logTotal = log(totalFrequency)
        self.unknownLogProbability = -logTotal
        self.logProbabilities = frequencies.map { $0 > 0 ? Float(log(Double($0)) - logTotal) : -.infinity }
        var root = [Int32](repeating: -1, count: 0x10000)
        if !childStart.isEmpty {
            for node in Int(childStart[0])..<Int(childStart[1]) { root[Int(labels[node])] = Int32(node) }
        }
        self.rootChildren = root
    }

    // MARK: - Lookup

    /// The node reached from `node` over `label`, or -1.
    @inline(__always)
    func child(of node: Int32, label: UInt32) -> Int32 {
        guard label < 0x10000 else { return -1 }
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
        guard node > 0, frequencies[Int(node)] > 0 else { return nil }
        return Int(frequencies[Int(node)])
    }

    /// The part-of-speech tag jieba gives `word` (`n`, `nr`, `ns`, `v`…), or `nil` when it is not a word.
    public func tag(of word: String) -> String? {
        let node = node(of: word.unicodeScalars.map { ScalarClass.foldWidth($0.value) })
        guard node > 0, frequencies[Int(node)] > 0 else { return nil }
        let index = Int(tagIndices[Int(node)])
        return index < tagNames.count ? tagNames[index] : nil
    }

    /// Whether `word` is a word of the lexicon.
    public func contains(_ word: String) -> Bool { frequency(of: word) != nil }
}
