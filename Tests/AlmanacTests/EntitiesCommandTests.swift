import Foundation
import Testing

/// `almanac entities` and `almanac eval ner`, run as built.
struct EntitiesCommandTests {
    @Test func entitiesPrintsOneLinePerInputLineWithOffsets() async throws {
        let folder = try ScratchFolder()
        let input = try folder.write(
            "a.txt", "本报记者 柏文涛报道\n\n岚江云帆新材料股份有限公司（简称云帆新材）今年扩产。\n")
        let result = try await CommandLineTests.run(["entities", input])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3])
        let first = try #require(objects[0]["entities"] as? [[String: Any]])
        let person = try #require(first.first { $0["kind"] as? String == "person" })
        #expect(person["text"] as? String == "柏文涛")
        #expect(person["start"] as? Int == 5)
        #expect(person["end"] as? Int == 8)
        #expect((objects[1]["entities"] as? [Any])?.isEmpty == true)
        let third = try #require(objects[2]["entities"] as? [[String: Any]])
        let alias = try #require(third.first { $0["text"] as? String == "云帆新材" })
        #expect((alias["name"] as? String)?.hasSuffix("股份有限公司") == true)
        #expect(alias["start"] as? Int == 16)
    }

    @Test func evalNerScoresABioFile() async throws {
        let folder = try ScratchFolder()
        let gold = try folder.write("gold.txt", "记 O\n者 O\n柏 B-PER\n文 I-PER\n涛 I-PER\n报 O\n道 O\n\n")
        let result = try await CommandLineTests.run(["eval", "ner", "--gold", gold, "--json"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let overall = try #require(object["overall"] as? [String: Any])
        #expect(overall["gold"] as? Int == 1)
        #expect(overall["correct"] as? Int == 1)
        #expect(object["sentences"] as? Int == 1)
        let missing = try await CommandLineTests.run([
            "eval", "ner", "--gold", folder.url.appendingPathComponent("none").path,
        ])
        #expect(missing.status != 0)
        #expect(missing.errors.contains("none"))
    }
}
