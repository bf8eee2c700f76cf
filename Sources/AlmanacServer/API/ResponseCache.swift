import Foundation
import Hummingbird
import Synchronization

/// Recent search responses, ready to send again: the same query asked twice within ``lifetime``
/// is answered without going to the archive.
///
/// - A query asked by several clients at once is computed once; the others wait for it.
/// - An entry past its lifetime is still sent for up to ``staleLifetime`` more while one
///   background task computes it afresh, so a popular query never makes a client wait twice.
/// - The whole cache is emptied when this server stores an upload (a computation begun before
///   that is not kept). Pages another process ingests show within ``lifetime`` plus one search.
/// - At most ``capacity`` entries are kept, the least recently used going first; 0 turns it off.
final class ResponseCache: Sendable {
    struct Entry {
        var body: ByteBuffer
        var expires: ContinuousClock.Instant
        var used: UInt64
    }

    struct State {
        var entries: [String: Entry] = [:]
        var computing: [String: Task<ByteBuffer, any Error>] = [:]
        var generation: UInt64 = 0
        var clock: UInt64 = 0
        var hits = 0
        var misses = 0
    }

    let capacity: Int
    let lifetime: Duration
    let staleLifetime: Duration
    private let state = Mutex(State())

    init(capacity: Int, lifetime: Duration = .seconds(10), staleLifetime: Duration = .seconds(60)) {
        self.capacity = capacity
        self.lifetime = lifetime
        self.staleLifetime = staleLifetime
    }

    /// What to do for one request.
    private enum Step {
        case send(ByteBuffer)
        case wait(Task<ByteBuffer, any Error>)
    }

    /// The body for `key`: from the cache, from a computation already under way, or computed by
    /// `compute` (once, however many ask at the same time).
    func body(for key: String, compute: @escaping @Sendable () async throws -> ByteBuffer) async throws -> ByteBuffer {
        guard capacity > 0 else { return try await compute() }
        let now = ContinuousClock.now
        let step: Step = state.withLock { state in
            state.clock += 1
            if var entry = state.entries[key] {
                entry.used = state.clock
                state.entries[key] = entry
                if entry.expires > now {
                    state.hits += 1
                    return .send(entry.body)
                }
                if entry.expires + staleLifetime > now {
                    state.hits += 1
                    if state.computing[key] == nil { state.computing[key] = start(key, compute, &state) }
                    return .send(entry.body)
                }
            }
            state.misses += 1
            if let running = state.computing[key] { return .wait(running) }
            let task = start(key, compute, &state)
            state.computing[key] = task
            return .wait(task)
        }
        switch step {
        case .send(let body): return body
        case .wait(let task): return try await task.value
        }
    }

    /// A task computing `key` that keeps its result unless the cache was emptied meanwhile.
    private func start(
        _ key: String, _ compute: @escaping @Sendable () async throws -> ByteBuffer, _ state: inout State
    ) -> Task<ByteBuffer, any Error> {
        let generation = state.generation
        return Task {
            do {
                let body = try await compute()
                self.finish(key, body: body, generation: generation)
                return body
            } catch {
                self.finish(key, body: nil, generation: generation)
                throw error
            }
        }
    }

    private func finish(_ key: String, body: ByteBuffer?, generation: UInt64) {
        let expires = ContinuousClock.now + lifetime
        state.withLock { state in
            guard state.generation == generation else { return }
            state.computing[key] = nil
            guard let body else { return }
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
        state.withLock { state in
            state.entries.removeAll()
            state.computing.removeAll()
            state.generation += 1
        }
    }

    /// Requests answered from the cache, and those that had to wait for a computation.
    var counts: (hits: Int, misses: Int) {
        state.withLock { ($0.hits, $0.misses) }
    }
}
