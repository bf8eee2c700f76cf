import AlmanacText
import Synchronization

extension CharacterCode {
    /// The code for article bodies: the characters of the lexicon's words weighted by how often the
    /// word list has them in running text (``Lexicon/scalarFrequencies()``), and what a word list
    /// leaves out weighted by its usual share of a Chinese news article (``textShares``).
    static func forBodies(lexicon: Lexicon) -> CharacterCode {
        // Made once a process for a lexicon (a test run makes many archives).
        let identity = "\(lexicon.nodeCount) \(lexicon.wordCount) \(lexicon.totalFrequency)"
        if let made = madeCodes.withLock({ $0[identity] }) { return made }
        var weights: [UInt32: Int] = [:]
        for (scalar, frequency) in lexicon.scalarFrequencies() { weights[scalar] = frequency }
        let total = weights.values.reduce(0, +)
        func weight(perTenThousand share: Double) -> Int { max(1, Int(Double(total) * share / 10_000)) }
        for (scalars, share) in textShares {
            for scalar in scalars.unicodeScalars { weights[scalar.value, default: 0] += weight(perTenThousand: share) }
        }
        let code = CharacterCode(weights: weights, escapeWeight: weight(perTenThousand: 1))
        madeCodes.withLock { $0[identity] = code }
        return code
    }

    private static let madeCodes = Mutex<[String: CharacterCode]>([:])

    /// Characters of news text that a word list holds few or none of, with a rough share each (per
    /// 10,000 characters) of an article: punctuation (a comma every dozen characters or so, a full
    /// stop every few dozen), figures written in ASCII digits, paragraph breaks, the odd Latin word.
    /// A share that is off costs a character a bit or two, never its reading.
    static let textShares: [(String, Double)] = [
        ("，", 550), ("。", 250), ("、", 70), ("“”", 25), ("：", 20), ("（）", 12), ("《》", 8), ("；", 8),
        ("？！", 2), ("—…·", 3), ("\n", 40), ("0123456789", 30), (".%", 20), ("％", 3),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 2), ("abcdefghijklmnopqrstuvwxyz", 1), (" -/:+", 3),
        ("\u{3000}", 3), ("０１２３４５６７８９", 1),
        ("!\"#$&'()*,;<=>?@[\\]^_`{|}~", 0.2), ("\t", 0.2),
    ]
}
