import Foundation

/// Words a user adds at run time, on top of the bundled lexicon, without rebuilding anything.
///
/// Lines read like jieba's user dictionaries: `word [frequency] [tag]`. A word without a frequency
/// gets just enough to be kept whole; frequency 0 removes a word.
public struct UserLexicon: Sendable {
    /// A word of the user lexicon.
    public struct Entry: Sendable, Equatable {
        /// The word.
        public var word: String
        /// Its frequency, or `nil` to keep it whole wherever it appears.
        public var frequency: Int?
        /// Its part-of-speech tag, if given.
        public var tag: String?

        /// Creates an entry.
        public init(word: String, frequency: Int? = nil, tag: String? = nil) {
            self.word = word
            self.frequency = frequency
            self.tag = tag
        }
    }

    /// The entries, in the order given.
    public private(set) var entries: [Entry] = []
    /// Trie nodes: children by scalar.
    var children: [[UInt32: Int32]] = [[:]]
    /// Log probability of the word ending at each node; `nil` when none ends there, `-infinity` for removed words.
    var logProbabilities: [Double?] = [nil]

    /// An empty user lexicon.
    public init() {}

    /// Whether no words were added.
    public var isEmpty: Bool { entries.isEmpty }

    /// Parses jieba-style lines (`word [frequency] [tag]`); blank lines and lines starting with `#` are skipped.
    public init(parsing text: String) throws {
        var lineNumber = 0
        for line in text.split(whereSeparator: \.isNewline) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var entry = Entry(word: String(first))
            if fields.count > 1 {
                if let frequency = Int(fields[1]), frequency >= 0 {
                    entry.frequency = frequency
                    if fields.count > 2 { entry.tag = String(fields[2]) }
                } else if fields.count == 2 {
                    entry.tag = String(fields[1])
                } else {
                    throw LexiconError(
                        "user lexicon line \(lineNumber): '\(line)' should read 'word [frequency] [tag]'")
                }
            }
            entries.append(entry)
        }
    }

    /// Creates a user lexicon from entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Adds a word.
    public mutating func add(_ word: String, frequency: Int? = nil, tag: String? = nil) {
        entries.append(Entry(word: word, frequency: frequency, tag: tag))
    }

    /// Builds the trie with log probabilities resolved against `lexicon` (a word without a frequency
    /// gets slightly more than the best split of it into lexicon words).
    func resolved(against lexicon: Lexicon) -> UserLexicon {
        var copy = UserLexicon(entries: entries)
        let logTotal = -lexicon.unknownLogProbability
        for entry in entries {
            let scalars = entry.word.unicodeScalars.map { ScalarClass.foldWidth($0.value) }
            guard !scalars.isEmpty else { continue }
            let logProbability: Double
            switch entry.frequency {
            case .some(0): logProbability = -.infinity
            case .some(let frequency): logProbability = log(Double(frequency)) - logTotal
            case .none: logProbability = Segmenter.bestSplitLogProbability(scalars, lexicon: lexicon) + 1e-3
            }
            var node = 0
            for value in scalars {
                if let next = copy.children[node][value] {
                    node = Int(next)
                } else {
                    copy.children.append([:])
                    copy.logProbabilities.append(nil)
                    copy.children[node][value] = Int32(copy.children.count - 1)
                    node = copy.children.count - 1
                }
            }
            copy.logProbabilities[node] = logProbability
        }
        return copy
    }
}
