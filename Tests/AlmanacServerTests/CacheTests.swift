@testable import AlmanacServer
import Hummingbird
import Testing

/// The search response cache: hits within its lifetime, least recently used out when full.
struct CacheTests {
    @Test func keepsRecentEntriesAndDropsTheLeastRecentlyUsed() {
        let cache = ResponseCache(capacity: 2)
        cache.store(ByteBuffer(string: "a"), for: "a")
        cache.store(ByteBuffer(string: "b"), for: "b")
        #expect(cache.body(for: "a") == ByteBuffer(string: "a"))  // a is now more recent than b
        cache.store(ByteBuffer(string: "c"), for: "c")
        #expect(cache.body(for: "b") == nil)
        #expect(cache.body(for: "a") != nil)
        #expect(cache.body(for: "c") != nil)
        #expect(cache.counts.hits == 3)
        cache.removeAll()
        #expect(cache.body(for: "a") == nil)
    }

    @Test func entriesExpire() async throws {
        let cache = ResponseCache(capacity: 4, lifetime: .milliseconds(50))
        cache.store(ByteBuffer(string: "a"), for: "a")
        #expect(cache.body(for: "a") != nil)
        try await Task.sleep(for: .milliseconds(120))
        #expect(cache.body(for: "a") == nil)
    }

    @Test func capacityZeroKeepsNothing() {
        let cache = ResponseCache(capacity: 0)
        cache.store(ByteBuffer(string: "a"), for: "a")
        #expect(cache.body(for: "a") == nil)
    }
}
