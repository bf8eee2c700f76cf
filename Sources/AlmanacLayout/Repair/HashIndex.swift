import AlmanacText

/// A map from 64-bit content hashes to the latest entry index, by open addressing.
///
/// The keys are already well-mixed hashes, so probing them directly is cheaper than hashing them
/// again through `Dictionary`.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int]
    private var used = 0
    private var mask: Int

    init(capacity: Int = 32) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](filling: 0, count: size)
        values = [Int](filling: -1, count: size)
        mask = size - 1
    }

    /// The index stored under `key`, if any.
    subscript(key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `value` under `key`, replacing what was there.
    mutating func set(_ key: UInt64, _ value: Int) {
        if (used + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while values[slot] >= 0 {
            if keys[slot] == key {
                values[slot] = value
                return
            }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = value
        used += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let size = keys.count * 2
        keys = [UInt64](filling: 0, count: size)
        values = [Int](filling: -1, count: size)
        mask = size - 1
        used = 0
        for (k, v) in zip(oldKeys, oldValues) where v >= 0 { set(k, v) }
    }
}
