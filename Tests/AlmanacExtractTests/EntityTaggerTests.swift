import AlmanacText
import Testing

@testable import AlmanacExtract

/// The tagger's lookup table, model file and Viterbi decoder on small hand-made models, and the
/// hashed word and scalar sets its features read.
struct EntityTaggerTests {
    static let labels = EntityTagger.labelCount

    /// A model where feature key `k` of position i pushes label `favoured[k]` by `strength`.
    static func tagger(favoured: [UInt64: Int], strength: Float = 5) -> EntityTagger {
        let keys = favoured.keys.sorted()
        var weights: [Float] = []
        for key in keys {
            var row = [Float](repeating: 0, count: labels)
            row[favoured[key]!] = strength
            weights += row
        }
        return EntityTagger(
            transitions: [Float](repeating: 0, count: (labels + 1) * labels), keys: keys, weights: weights)
    }

    /// One feature a position, the rest empty (key 0).
    static func features(_ keys: [UInt64]) -> [UInt64] {
        keys.flatMap { key in [key] + [UInt64](repeating: 0, count: CharacterFeatures.count - 1) }
    }

    @Test func decodeFollowsTheWeightsOfTheFeaturesFound() {
        let b = CharacterFeatures.key(90, 1)
        let i = CharacterFeatures.key(90, 2)
        let o = CharacterFeatures.key(90, 3)
        let tagger = Self.tagger(favoured: [b: 5, i: 6, o: 0])  // B-ORG, I-ORG, O
        let path = tagger.decode(Self.features([o, b, i, i, o]), count: 5)
        #expect(path == [0, 5, 6, 6, 0])
    }

    @Test func anUnknownFeatureAddsNothing() {
        let person = CharacterFeatures.key(91, 1)
        let tagger = Self.tagger(favoured: [person: 1])
        let unknown = CharacterFeatures.key(91, 99)
        #expect(tagger.decode(Self.features([unknown, person]), count: 2) == [0, 1])
    }

    @Test func insideLabelsNeverFollowOutside() {
        // The weights ask for I-LOC everywhere; the decoder may only open a place with B-LOC.
        let inside = CharacterFeatures.key(92, 1)
        let tagger = Self.tagger(favoured: [inside: 4])
        let path = tagger.decode(Self.features([inside, inside, inside]), count: 3)
        #expect(path == [3, 4, 4])
    }

    @Test func theModelFileReadsBackToTheSameDecoder() throws {
        let keys = (1...200).map { CharacterFeatures.key(93, UInt64($0)) }.sorted()
        var weights: [Float] = []
        for (index, _) in keys.enumerated() {
            weights += (0..<Self.labels).map { Float(($0 * 7 + index * 13) % 11) - 5 }
        }
        let transitions = (0..<(Self.labels + 1) * Self.labels).map { Float($0 % 5) - 2 }
        let direct = EntityTagger(transitions: transitions, keys: keys, weights: weights)
        let bytes = EntityTagger.serialize(transitions: transitions, keys: keys, weights: weights)
        let read = try EntityTagger(bytes: bytes)
        let input = Self.features(Array(keys.prefix(40)))
        let path = direct.decode(input, count: 40)
        #expect(read.decode(input, count: 40) == path)
        #expect(Set(path).count > 1)
    }

    @Test func wordSetsHoldTheirWordsOnly() {
        let set = EntityWordSet(["委员会", "公司", "岚江"])
        #expect(set.contains("委员会".scalarValues[...]))
        #expect(set.contains(Array("公司".unicodeScalars.map(\.value))[...]))
        #expect(set.contains(0x5C9A, 0x6C5F))  // 岚江
        #expect(!set.contains("委员".scalarValues[...]))
        #expect(!set.contains("新材料".scalarValues[...]))
        #expect(!set.contains(0x6C5F, 0x5C9A))
    }

    @Test func scalarBitSetsHoldTheirScalarsOnly() {
        let set = ScalarBitSet("王李岚".unicodeScalars.map(\.value) + [0x1F600])
        #expect(set.contains(0x738B))  // 王
        #expect(set.contains(0x5C9A))  // 岚
        #expect(!set.contains(0x6C5F))  // 江
        #expect(!set.contains(0x1F600))  // above the BMP: never a member
    }
}
