import Almanac
import AlmanacLayout
import AlmanacModel
import Foundation
import Testing

/// A small seeded generator, so a failing case can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// No input makes reading or layout crash, and layout is a function of its input.
struct RobustnessTests {
    /// Checks what must hold for any page: articles numbered 1…n, no empty paragraph, same output twice.
    static func checkLayout(_ text: String, context: String) {
        let layout = PageLayout()
        let articles = layout.articles(in: text)
        #expect(articles.map(\.seq) == Array(1..<(articles.count + 1)), "\(context)")
        #expect(articles.allSatisfy { !$0.body.contains("\n\n") }, "\(context)")
        #expect(articles == layout.articles(in: text), "layout not deterministic: \(context)")
    }

    static var seedTexts: [(String, String)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/seeds").standardized
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []
        return names.filter { $0.hasSuffix(".txt") }.compactMap { name in
            (try? PageReader().read(path: folder.appendingPathComponent(name).path)).map { (name, $0.text) }
        }
    }

    @Test func theSeedsAreThere() {
        #expect(Self.seedTexts.count >= 5, "../shared/seeds must sit beside the checkout")
    }

    @Test(arguments: 0..<40)
    func randomBytesAreReadOrRejected(seed: Int) {
        var random = SplitMix64(state: UInt64(seed))
        let count = Int.random(in: 0...4096, using: &random)
        // Half the cases are biased towards text-like bytes so the decoders and layout get exercised.
        let textLike = seed % 2 == 0
        let bytes = (0..<count).map { _ -> UInt8 in
            textLike && Bool.random(using: &random)
                ? [0x0A, 0x20, 0x23, 0xE3, 0x80, 0x82, 0xE6, 0x9C, 0xAC][Int.random(in: 0..<9, using: &random)]
                : UInt8.random(in: 0...255, using: &random)
        }
        do {
            let text = try PageReader().decode(Data(bytes), path: "random-\(seed)")
            Self.checkLayout(text, context: "random bytes, seed \(seed)")
        } catch {
            #expect(!error.description.isEmpty)
        }
    }

    @Test(arguments: 0..<60)
    func randomCutsOfTheSeedsLayOut(seed: Int) throws {
        let seeds = Self.seedTexts
        try #require(!seeds.isEmpty)
        var random = SplitMix64(state: UInt64(1000 + seed))
        let (name, text) = seeds[seed % seeds.count]
        let scalars = Array(text.unicodeScalars)
        // Splice together a few random slices, cut anywhere, even inside a line or a word.
        var spliced = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let start = Int.random(in: 0..<scalars.count, using: &random)
            let end = min(scalars.count, start + Int.random(in: 0...3000, using: &random))
            spliced.append(contentsOf: scalars[start..<end])
        }
        Self.checkLayout(String(spliced), context: "cuts of \(name), seed \(seed)")
    }

    @Test(arguments: ["", "\n\n\n", "#", "# \n## \n###", "本报讯", "本报记者 摄", "。。。", "A B C", "# 标题"])
    func tinyAndDegeneratePagesLayOut(text: String) {
        Self.checkLayout(text, context: "tiny page \(text.debugDescription)")
    }
}
