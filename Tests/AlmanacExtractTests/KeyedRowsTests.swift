import Testing

@testable import AlmanacExtract

/// The key filter in front of ``KeyedRows`` may let absent keys through, never keep a present one out.
struct KeyedRowsTests {
    @Test func everyKeyOfTheTablePassesTheFilter() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
        let keys = (0..<20_000).map { _ in next() | 1 }
        let rows = keys.map { SIMD8<Int16>(repeating: Int16(truncatingIfNeeded: $0 >> 48)) }
        let table = KeyedRows(keys: keys, rows: rows)
        for key in keys { #expect(KeyedRows.mayContain(key, in: table.filter)) }
        // Most absent keys are turned away: the filter is 2^17 bits for 20,000 keys.
        let present = Set(keys)
        let absent = (0..<10_000).map { _ in next() | 1 }.filter { !present.contains($0) }
        let passed = absent.filter { KeyedRows.mayContain($0, in: table.filter) }.count
        #expect(passed < absent.count / 4)
    }
}
