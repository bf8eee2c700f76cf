import AlmanacText

/// Trains the entity tagger: an averaged structured perceptron over ``CharacterFeatures`` on a BIO
/// corpus, written in the layout of `Resources/ner.bin`.
///
/// Deterministic: the sentence order of each epoch comes from a fixed-seed generator, so the same
/// corpus and options give the same bytes (`scripts/ner/train.sh`).
public enum TaggerTraining {
    /// Options of one training run.
    public struct Options: Sendable {
        /// Passes over the training sentences.
        public var epochs = 10
        /// Share of sentences (taken from the end of the corpus) held out to report F1 after each epoch.
        public var holdout = 0.0
        /// Features seen fewer times than this in training are left out of the model.
        public var minimumCount = 1
        /// Features whose averaged weights are all smaller than this (in perceptron updates) are
        /// left out of the model: a smaller table is a faster tagger.
        public var minimumWeight: Float = 1e-3

        public init() {}
    }

    /// Trains on `sentences` and returns the model file's bytes; `log` receives one line per epoch.
    public static func train(
        _ sentences: [NERSentence], options: Options = Options(), log: (String) -> Void = { _ in }
    ) throws -> [UInt8] {
        let grammar = try EntityGrammar.bundled()
        let labels = EntityTagger.labelCount
        let labelIndex = Dictionary(uniqueKeysWithValues: EntityTagger.labels.enumerated().map { ($1, $0) })
        let held = Int(Double(sentences.count) * options.holdout)
        let training = sentences.dropLast(held)
        let heldOut = sentences.suffix(held)

        // Features of every training sentence, as dense indices.
        var index: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var counts: [Int32] = []
        var examples: [(features: [Int32], gold: [Int])] = []
        for sentence in training {
            let analysis = TextAnalysis(sentence.text.scalarValues, grammar: grammar)
            let raw = CharacterFeatures.extract(analysis, grammar: grammar)
            var dense = [Int32](repeating: -1, count: raw.count)
            for (position, key) in raw.enumerated() where key != 0 {
                if let known = index[key] {
                    dense[position] = known
                    counts[Int(known)] += 1
                } else {
                    let new = Int32(keys.count)
                    index[key] = new
                    keys.append(key)
                    counts.append(1)
                    dense[position] = new
                }
            }
            let gold = sentence.tags.map { labelIndex[$0] ?? 0 }
            examples.append((dense, gold))
        }
        log("training sentences \(examples.count), features \(keys.count), held out \(heldOut.count)")

        var weights = [Float](repeating: 0, count: keys.count * labels)
        var sums = [Float](repeating: 0, count: keys.count * labels)
        var transitions = [Float](repeating: 0, count: (labels + 1) * labels)
        var transitionSums = transitions
        var step: Float = 1
        var generator = SeededGenerator(seed: 0x5EED)
        var order = Array(examples.indices)

        func decode(_ features: [Int32], count n: Int, weights: [Float], transitions: [Float]) -> [Int] {
            var emission = [Float](repeating: 0, count: n * labels)
            for i in 0..<n {
                for f in 0..<CharacterFeatures.count {
                    let feature = Int(features[i * CharacterFeatures.count + f])
                    guard feature >= 0 else { continue }
                    for label in 0..<labels { emission[i * labels + label] += weights[feature * labels + label] }
                }
            }
            return EntityTagger.viterbi(emission: emission, transitions: transitions, count: n)
        }

        func averaged() -> ([Float], [Float]) {
            (zip(weights, sums).map { $0 - $1 / step }, zip(transitions, transitionSums).map { $0 - $1 / step })
        }

        func kept(_ w: [Float], minimumWeight: Float) -> ([UInt64], [Float]) {
            var keptKeys: [UInt64] = []
            var keptWeights: [Float] = []
            for feature in 0..<keys.count where counts[feature] >= Int32(options.minimumCount) {
                let row = w[feature * labels..<(feature + 1) * labels]
                guard row.contains(where: { abs($0) >= minimumWeight }) else { continue }
                keptKeys.append(keys[feature])
                keptWeights.append(contentsOf: row)
            }
            return (keptKeys, keptWeights)
        }

        func heldOutScore(_ w: [Float], _ t: [Float], minimumWeight: Float) -> (score: NERScore, features: Int) {
            let (keptKeys, keptWeights) = kept(w, minimumWeight: minimumWeight)
            let tagger = EntityTagger(transitions: t, keys: keptKeys, weights: keptWeights)
            var score = NERScore()
            for sentence in heldOut {
                let analysis = TextAnalysis(sentence.text.scalarValues, grammar: grammar)
                let features = CharacterFeatures.extract(analysis, grammar: grammar)
                let path = tagger.decode(features, count: analysis.scalars.count)
                score.add(
                    gold: sentence.spans, predicted: NERSpan.spans(fromTags: path.map { EntityTagger.labels[$0] }))
            }
            return (score, keptKeys.count)
        }

        for epoch in 1...max(1, options.epochs) {
            order.shuffle(using: &generator)
            var errors = 0
            for example in order.map({ examples[$0] }) {
                let n = example.gold.count
                let predicted = decode(example.features, count: n, weights: weights, transitions: transitions)
                if predicted != example.gold {
                    errors += 1
                    for i in 0..<n where predicted[i] != example.gold[i] {
                        for f in 0..<CharacterFeatures.count {
                            let feature = Int(example.features[i * CharacterFeatures.count + f])
                            guard feature >= 0 else { continue }
                            weights[feature * labels + example.gold[i]] += 1
                            sums[feature * labels + example.gold[i]] += step
                            weights[feature * labels + predicted[i]] -= 1
                            sums[feature * labels + predicted[i]] -= step
                        }
                    }
                    for i in 0..<n {
                        let goldFrom = i == 0 ? labels : example.gold[i - 1]
                        let predictedFrom = i == 0 ? labels : predicted[i - 1]
                        if goldFrom == predictedFrom && example.gold[i] == predicted[i] { continue }
                        transitions[goldFrom * labels + example.gold[i]] += 1
                        transitionSums[goldFrom * labels + example.gold[i]] += step
                        transitions[predictedFrom * labels + predicted[i]] -= 1
                        transitionSums[predictedFrom * labels + predicted[i]] -= step
                    }
                }
                step += 1
            }
            var line = "epoch \(epoch): sentences with errors \(errors)"
            if !heldOut.isEmpty {
                let (w, t) = averaged()
                let score = heldOutScore(w, t, minimumWeight: options.minimumWeight).score
                line += String(
                    format: "; held-out P %.3f R %.3f F1 %.3f", score.overall.precision, score.overall.recall,
                    score.overall.f1)
                for type in score.byType.keys.sorted() {
                    line += String(format: " %@ %.3f", type, score.byType[type]?.f1 ?? 0)
                }
            }
            log(line)
        }

        let (w, t) = averaged()
        if !heldOut.isEmpty {
            // How the hold-out score falls as small weights are pruned: the figure to choose
            // `minimumWeight` by.
            for threshold: Float in [1e-3, 0.5, 1, 1.5, 2, 3, 4, 6] {
                let (score, features) = heldOutScore(w, t, minimumWeight: threshold)
                log(String(format: "minimum weight %.3f: features %d, held-out F1 %.4f", threshold, features, score.overall.f1))
            }
        }
        let (keptKeys, keptWeights) = kept(w, minimumWeight: options.minimumWeight)
        let order2 = keptKeys.indices.sorted { keptKeys[$0] < keptKeys[$1] }
        log("model features \(keptKeys.count)")
        return EntityTagger.serialize(
            transitions: t, keys: order2.map { keptKeys[$0] },
            weights: order2.flatMap { keptWeights[$0 * labels..<($0 + 1) * labels] })
    }
}

/// A small deterministic random number generator (SplitMix64) for reproducible training.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return CharacterFeatures.mix(state)
    }
}
