@testable import AlmanacServer
import Hummingbird
import Synchronization
import Testing

/// The search response cache: hits within its lifetime, one computation for many askers, stale
/// answers while refreshing, least recently used out when full, nothing kept across an upload.
struct CacheTests {
    /// Counts how often a key is computed.
    final class Counter: Sendable {
        let calls = Mutex(0)
        func compute(_ text: String, delay: Duration = .zero) -> @Sendable () async throws -> ByteBuffer {
            { [self] in
                calls.withLock { $0 += 1 }
                if delay > .zero { try await Task.sleep(for: delay) }
                return ByteBuffer(string: text)
            }
        }
        var count: Int { calls.withLock { $0 } }
    }

    @Test func keepsRecentEntriesAndDropsTheLeastRecentlyUsed() async throws {
        let cache = ResponseCache(capacity: 2, lifetime: .seconds(3600))
        let counter = Counter()
        _ = try await cache.body(for: "a", compute: counter.compute("a"))
        _ = try await cache.body(for: "b", compute: counter.compute("b"))
        _ = try await cache.body(for: "a", compute: counter.compute("a"))  // a is now more recent than b
        _ = try await cache.body(for: "c", compute: counter.compute("c"))
        #expect(counter.count == 3)
        _ = try await cache.body(for: "a", compute: counter.compute("a"))
        #expect(counter.count == 3)
        _ = try await cache.body(for: "b", compute: counter.compute("b"))
        #expect(counter.count == 4)
    }

    @Test func manyAskersAtOnceComputeOnce() async throws {
        let cache = ResponseCache(capacity: 8)
        let counter = Counter()
        let bodies = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            for _ in 0..<20 {
                group.addTask { try await cache.body(for: "q", compute: counter.compute("q", delay: .milliseconds(100))) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies.count == 20)
        #expect(bodies.allSatisfy { $0 == ByteBuffer(string: "q") })
        #expect(counter.count == 1)
    }

    @Test func anExpiredEntryIsSentWhileItIsRefreshed() async throws {
        let cache = ResponseCache(capacity: 4, lifetime: .milliseconds(50), staleLifetime: .seconds(3600))
        let counter = Counter()
        _ = try await cache.body(for: "a", compute: counter.compute("old"))
        try await Task.sleep(for: .milliseconds(80))
        let stale = try await cache.body(for: "a", compute: counter.compute("new"))
        #expect(stale == ByteBuffer(string: "old"))
        // The refresh runs in the background; the old body is sent until it is done (the machine may
        // be busy), then the refreshed one: never a later one first, since a read sends what is stored.
        var next = stale
        for _ in 0..<200 where next == ByteBuffer(string: "old") {
            try await Task.sleep(for: .milliseconds(50))
            next = try await cache.body(for: "a", compute: counter.compute("newer"))
        }
        #expect(next == ByteBuffer(string: "new"))
    }

    @Test func anEntryPastItsStaleLifetimeIsComputedAgain() async throws {
        let cache = ResponseCache(capacity: 4, lifetime: .milliseconds(20), staleLifetime: .milliseconds(20))
        let counter = Counter()
        _ = try await cache.body(for: "a", compute: counter.compute("old"))
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await cache.body(for: "a", compute: counter.compute("new")) == ByteBuffer(string: "new"))
    }

    @Test func emptyingForgetsEntriesAndComputationsUnderWay() async throws {
        let cache = ResponseCache(capacity: 4)
        let counter = Counter()
        async let slow = cache.body(for: "a", compute: counter.compute("before", delay: .milliseconds(100)))
        try await Task.sleep(for: .milliseconds(20))
        cache.removeAll()
        #expect(try await slow == ByteBuffer(string: "before"))  // its asker still gets it …
        // … but it is not kept: the next ask computes afresh.
        #expect(try await cache.body(for: "a", compute: counter.compute("after")) == ByteBuffer(string: "after"))
    }

    @Test func capacityZeroKeepsNothing() async throws {
        let cache = ResponseCache(capacity: 0)
        let counter = Counter()
        _ = try await cache.body(for: "a", compute: counter.compute("a"))
        _ = try await cache.body(for: "a", compute: counter.compute("a"))
        #expect(counter.count == 2)
    }
}
