import Testing

@testable import AlmanacStore

/// Entities are told apart by kind and by the bytes of their name, as the archive's unique key does.
struct EntityKeyTests {
    @Test func namesCompareByTheirBytes() {
        let composed = EntityKeys.key(.organization, "Caf\u{E9}")
        let decomposed = EntityKeys.key(.organization, "Cafe\u{301}")
        // The same text to Swift's String, two names to the archive: two keys.
        #expect("Caf\u{E9}" == "Cafe\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(EntityKeys.key(.place, "岚江市") == EntityKeys.key(.place, "岚江" + "市"))
        #expect(EntityKeys.key(.place, "岚江市") != EntityKeys.key(.organization, "岚江市"))
        var ids: [EntityKeys.Key: Int64] = [EntityKeys.key(.project, "北湾港二期"): 7]
        ids[EntityKeys.key(.project, "北湾港" + "二期")] = 8
        #expect(ids.count == 1 && ids.values.first == 8)
    }
}
