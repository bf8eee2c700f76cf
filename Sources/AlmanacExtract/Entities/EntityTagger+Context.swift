/// Decoding straight from a text's ``CharacterContext``, without building the feature keys of
/// every position: the scores are exactly those of `decode(CharacterFeatures.extract(…), count:)`.
extension EntityTagger {
    /// The best label sequence for the text `context` describes.
    func decode(_ context: CharacterContext) -> [Int] {
        let n = context.analysis.scalars.count
        guard n > 0 else { return [] }
        return Self.viterbi(emission: emission(context), transitions: transitions, count: n)
    }

    /// The label scores of every position of the text `context` describes (lane 7 is no label).
    func emission(_ context: CharacterContext) -> [SIMD8<Float>] {
        let scalars = context.analysis.scalars
        let n = scalars.count
        guard n > 0 else { return [] }
        var sums = [SIMD8<Int32>](repeating: SIMD8(), count: n)
        let tables = self.tables
        let mask = self.mask
        let hashedCount = 9
        slots.withUnsafeBufferPointer { table in
            tables.dense.withUnsafeBufferPointer { dense in
                tables.scalarRows.withUnsafeBufferPointer { scalarRows in
                    tables.scalarBlock.withUnsafeBufferPointer { scalarBlock in
                        sums.withUnsafeMutableBufferPointer { sums in
                            @inline(__always) func add(_ row: SIMD8<Int16>, at i: Int) {
                                sums[i] &+= SIMD8<Int32>(truncatingIfNeeded: row)
                            }
                            // The sentinels beyond both ends.
                            add(tables.start1, at: 0)
                            add(tables.start2, at: 0)
                            if n > 1 { add(tables.start1, at: 1) }
                            add(tables.end4, at: n - 1)
                            add(tables.end5, at: n - 1)
                            if n > 1 { add(tables.end5, at: n - 2) }
                            var keys = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
                                UInt64(0), UInt64(0))
                            for i in 0..<n {
                                let v = context.values(at: i)
                                var row = SIMD8<Int32>()
                                // Templates of small domains: a dense read each.
                                @inline(__always) func addDense(_ index: Int, _ a: UInt64, _ b: UInt64 = 0) {
                                    let template = tables.layout[index]
                                    let first = template.first.index(a)
                                    let second = template.second.index(b)
                                    if first >= 0 && second >= 0 {
                                        let at = template.offset &+ first &* template.second.size &+ second
                                        row &+= SIMD8<Int32>(truncatingIfNeeded: dense[at])
                                    } else {
                                        let key = CharacterFeatures.key(template.template, a, b)
                                        row &+= SIMD8<Int32>(truncatingIfNeeded: self.row(key))
                                    }
                                }
                                addDense(0, 0)
                                addDense(1, v.position, v.length)
                                addDense(2, v.tag, v.position)
                                addDense(3, v.previousTag, v.position)
                                addDense(4, v.nextTag, v.position)
                                addDense(5, v.placeMark, v.position)
                                addDense(6, v.surname, v.position &* 8 &+ v.length)
                                addDense(7, v.compound)
                                addDense(8, v.transliteration, v.tag)
                                addDense(9, v.organizationDistance, v.organizationSuffixPosition)
                                addDense(10, v.roleDistance, v.surname)
                                addDense(11, v.placeSuffix, v.position)
                                addDense(12, v.kinds)
                                addDense(13, v.tag, v.length)
                                addDense(14, v.placeMark, v.organizationDistance)
                                addDense(15, v.personWordMark, v.position)
                                addDense(16, v.placeWordMark, v.position)
                                addDense(17, v.organizationWordMark, v.position)
                                addDense(18, v.longestStarting, v.longestEnding)
                                // The scalar's own templates, and those of the positions that read it.
                                let scalar = scalars[i]
                                let block = scalar < 0x10000 ? scalarBlock[Int(scalar)] : EmissionTables.unlisted
                                @inline(__always) func scalarRow(_ r: Int) -> SIMD8<Int16> {
                                    scalarRows[Int(block) &* EmissionTables.rowsPerScalar &+ r]
                                }
                                if block == EmissionTables.unlisted {
                                    let c = UInt64(scalar)
                                    if i + 2 < n { add(self.row(CharacterFeatures.key(1, c)), at: i + 2) }
                                    if i + 1 < n { add(self.row(CharacterFeatures.key(2, c)), at: i + 1) }
                                    row &+= SIMD8<Int32>(truncatingIfNeeded: self.row(CharacterFeatures.key(3, c)))
                                    if i >= 1 { add(self.row(CharacterFeatures.key(4, c)), at: i - 1) }
                                    if i >= 2 { add(self.row(CharacterFeatures.key(5, c)), at: i - 2) }
                                    row &+= SIMD8<Int32>(
                                        truncatingIfNeeded: self.row(CharacterFeatures.key(26, c, v.position)))
                                } else if block != 0 {
                                    if i + 2 < n { add(scalarRow(0), at: i + 2) }
                                    if i + 1 < n { add(scalarRow(1), at: i + 1) }
                                    row &+= SIMD8<Int32>(truncatingIfNeeded: scalarRow(2))
                                    row &+= SIMD8<Int32>(truncatingIfNeeded: scalarRow(5 &+ Int(v.position)))
                                    if i >= 1 { add(scalarRow(3), at: i - 1) }
                                    if i >= 2 { add(scalarRow(4), at: i - 2) }
                                }
                                // Pairs of scalars and words: the hashed table, every home slot loaded
                                // first so the cache misses overlap.
                                keys.0 = CharacterFeatures.key(6, v.before1, v.current)
                                keys.1 = CharacterFeatures.key(7, v.current, v.after1)
                                keys.2 = CharacterFeatures.key(8, v.before2, v.before1)
                                keys.3 = CharacterFeatures.key(9, v.after1, v.after2)
                                keys.4 = CharacterFeatures.key(10, v.before1, v.after1)
                                keys.5 = CharacterFeatures.key(13, v.wordHash, v.position)
                                keys.6 = CharacterFeatures.key(14, v.previousHash, v.position)
                                keys.7 = CharacterFeatures.key(15, v.nextHash, v.position)
                                keys.8 = CharacterFeatures.key(33, v.before1, v.current << 32 ^ v.after1)
                                withUnsafeBytes(of: &keys) { raw in
                                    let keys = raw.bindMemory(to: UInt64.self)
                                    var touched: Int16 = 0
                                    for f in 0..<hashedCount {
                                        touched |= table[Int(truncatingIfNeeded: keys[f]) & mask][7]
                                    }
                                    for f in 0..<hashedCount {
                                        let key = keys[f]
                                        let print = Self.fingerprint(key)
                                        var slot = Int(truncatingIfNeeded: key) & mask
                                        while true {
                                            let found = table[slot]
                                            if found[7] == print {
                                                row &+= SIMD8<Int32>(truncatingIfNeeded: found)
                                                break
                                            }
                                            if found[7] == 0 { break }
                                            slot = (slot &+ 1) & mask
                                        }
                                    }
                                    // Lane 7 is no label; it keeps the touching loads from being optimised away.
                                    row[7] = Int32(touched & 1)
                                }
                                sums[i] &+= row
                            }
                        }
                    }
                }
            }
        }
        let scale = SIMD8<Float>(repeating: self.scale)
        return sums.map { SIMD8<Float>($0) * scale }
    }
}
