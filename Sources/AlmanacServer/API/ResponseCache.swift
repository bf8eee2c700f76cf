import Foundation
import Hummingbird
import Synchronization

/// Recent search responses, ready to send again: the same query asked twice within ``lifetime``
/// is answered without going to the archive.
///
/// Entries expire after ``lifetime`` (so pages another process ingests show within that time)
/// and the whole cache is emptied when this server stores an upload. At most ``capacity``
/// entries are kept; when full, the least recently used goes. A capacity of 0 turns it off.
final class ResponseCache: Sendable {
    struct Entry {
        var body: ByteBuffer
        var expires: ContinuousClock.Instant
        var used: UInt64
    }

    struct State {
        var entries: [String: Entry] = [:]
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    let capacity: Int
    let lifetime: Duration
    private let state = Mutex(State())

    init(capacity: Int, lifetime: Duration = .seconds(10)) {
        self.capacity = capacity
        self.lifetime = lifetime
    }

    /// The body stored for `key`, if it has not expired.
    func body(for key: String) -> ByteBuffer? {
        guard capacity > 0 else { return nil }
        let now = ContinuousClock.now
        return state.withLock { state in
            guard var entry = state.entries[key], entry.expires > now else {
                state.misses += 1
                return nil
            }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            state.hits += 1
            return entry.body
        }
    }

    /// Keeps `body` for `key`, dropping the least recently used entry when full.
    func store(_ body: ByteBuffer, for key: String) {
        guard capacity > 0 else { return }
        let expires = ContinuousClock.now + lifetime
        state.withLock { state in
            if state.entries.count >= capacity, state.entries[key] == nil,
                let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                state.entries[oldest] = nil
            }
            state.clock += 1
            state.entries[key] = Entry(body: body, expires: expires, used: state.clock)
        }
    }

    /// Forgets everything (the archive changed).
    func removeAll() {
        state.withLock { $0.entries.removeAll() }
    }

    /// Hits and misses so far.
    var counts: (hits: Int, misses: Int) {
        state.withLock { ($0.hits, $0.misses) }
    }
}
