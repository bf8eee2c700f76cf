/// Decoding straight from a text's ``CharacterContext``, without building the feature keys of
/// every position: the scores are exactly those of `decode(CharacterFeatures.extract(…), count:)`.
extension EntityTagger {
    /// The best label sequence for the text `context` describes.
    func decode(_ context: CharacterContext) -> [Int] {
        let n = context.analysis.scalars.count
        guard n > 0 else { return [] }
        return Self.viterbi(emission: emission(context), transitions: transitions, count: n)
    }

    /// The dense templates' rows at one position looked up by their keys (the slow way).
    private func denseByKey(_ v: CharacterContext.Values) -> SIMD8<Int32> {
        let keys = [
            CharacterFeatures.key(0, 0), CharacterFeatures.key(11, v.position, v.length),
            CharacterFeatures.key(12, v.tag, v.position), CharacterFeatures.key(16, v.previousTag, v.position),
            CharacterFeatures.key(17, v.nextTag, v.position), CharacterFeatures.key(18, v.placeMark, v.position),
            CharacterFeatures.key(19, v.surname, v.position &* 8 &+ v.length),
            v.compound == 0 ? 0 : CharacterFeatures.key(20, v.compound),
            CharacterFeatures.key(21, v.transliteration, v.tag),
            CharacterFeatures.key(22, v.organizationDistance, v.organizationSuffixPosition),
            CharacterFeatures.key(23, v.roleDistance, v.surname), CharacterFeatures.key(24, v.placeSuffix, v.position),
            CharacterFeatures.key(25, v.kinds), CharacterFeatures.key(27, v.tag, v.length),
            CharacterFeatures.key(28, v.placeMark, v.organizationDistance),
            CharacterFeatures.key(29, v.personWordMark, v.position),
            CharacterFeatures.key(30, v.placeWordMark, v.position),
            CharacterFeatures.key(31, v.organizationWordMark, v.position),
            CharacterFeatures.key(32, v.longestStarting, v.longestEnding),
        ]
        return keys.reduce(SIMD8<Int32>()) { $0 &+ widen(row($1)) }
    }

    /// The label scores of every position of the text `context` describes (lane 7 is no label).
    func emission(_ context: CharacterContext) -> [SIMD8<Float>] {
        let scalars = context.analysis.scalars
        let n = scalars.count
        guard n > 0 else { return [] }
        var sums = [SIMD8<Int32>](filling: SIMD8(), count: n)
        let tables = self.tables
        let hashedCount = 5
        var hashed = [UInt64](filling: 0, count: n * hashedCount)
        let pairMask = pairs.mask
        let filter = pairs.filter
        pairs.keys.withUnsafeBufferPointer { pairKeys in
            pairs.rows.withUnsafeBufferPointer { pairRows in
                tables.singles.withUnsafeBufferPointer { singles in
                    tables.merged.withUnsafeBufferPointer { merged in
                        tables.scalarRows.withUnsafeBufferPointer { scalarRows in
                            tables.scalarBlock.withUnsafeBufferPointer { scalarBlock in
                                sums.withUnsafeMutableBufferPointer { sums in
                                    hashed.withUnsafeMutableBufferPointer { hashed in
                                        @inline(__always) func add(_ row: SIMD8<Int16>, at i: Int) {
                                            sums[i] &+= widen(row)
                                        }
                                        // The sentinels beyond both ends.
                                        add(tables.start1, at: 0)
                                        add(tables.start2, at: 0)
                                        if n > 1 { add(tables.start1, at: 1) }
                                        add(tables.end4, at: n - 1)
                                        add(tables.end5, at: n - 1)
                                        if n > 1 { add(tables.end5, at: n - 2) }
                                        for i in 0..<n {
                                            let v = context.values(at: i)
                                            var row = SIMD8<Int32>()
                                            // Templates of small domains: a row read each, or a summed row for
                                            // those merged (the hashed table only for a value outside its
                                            // template's domain, which the text never gives).
                                            @inline(__always) func under(_ value: Int, _ size: Int) -> Bool {
                                                UInt(bitPattern: value) < UInt(size)
                                            }
                                            let position = Int(v.position)
                                            let length = Int(v.length)
                                            let tag = EmissionTables.tagIndex(v.tag)
                                            let previousTag = EmissionTables.tagIndex(v.previousTag)
                                            let nextTag = EmissionTables.tagIndex(v.nextTag)
                                            let transliteration = Int(v.transliteration)
                                            let suffixPosition = Int(v.organizationSuffixPosition)
                                            let kinds = Int(v.kinds)
                                            let longestStarting = Int(v.longestStarting)
                                            let longestEnding = Int(v.longestEnding)
                                            let placeMark = Int(v.placeMark)
                                            let organizationDistance = Int(v.organizationDistance)
                                            let surname = Int(v.surname)
                                            let personMark = Int(v.personWordMark)
                                            let placeWordMark = Int(v.placeWordMark)
                                            let organizationMark = Int(v.organizationWordMark)
                                            let placeSuffix = Int(v.placeSuffix)
                                            let roleDistance = Int(v.roleDistance)
                                            let compound = Int(v.compound)
                                            let inDomain =
                                                under(tag, 41) && under(position, 5) && under(length, 7)
                                                && under(previousTag, 41) && under(nextTag, 41)
                                                && under(transliteration, 8) && under(suffixPosition, 5)
                                                && under(kinds, 0x556) && under(longestStarting, 9)
                                                && under(longestEnding, 9) && under(personMark, 4)
                                                && under(placeWordMark, 4) && under(organizationMark, 4)
                                                && under(placeSuffix, 2) && under(placeMark, 8)
                                                && under(organizationDistance, 14) && under(surname, 2)
                                                && under(roleDistance, 5) && under(compound, 3)
                                            if inDomain {
                                                // The single templates (3, 4, 8, 9, 12, 18).
                                                typealias Singles = EmissionTables.Singles
                                                row &+= widen(
                                                    singles[
                                                        Singles.previousTagIndex(tag: previousTag, position: position)])
                                                row &+= widen(
                                                    singles[Singles.nextTagIndex(tag: nextTag, position: position)])
                                                row &+= widen(
                                                    singles[Singles.transliterationIndex(transliteration, tag: tag)])
                                                row &+= widen(
                                                    singles[
                                                        Singles.organizationIndex(
                                                            distance: organizationDistance,
                                                            suffixPosition: suffixPosition)])
                                                row &+= widen(singles[Singles.kindsIndex(kinds)])
                                                row &+= widen(
                                                    singles[
                                                        Singles.longestIndex(
                                                            starting: longestStarting, ending: longestEnding)])
                                                // The merged templates (0, 1, 2, 13; 11, 15, 16, 17; 5, 14; 6, 7, 10).
                                                typealias Merged = EmissionTables.Merged
                                                row &+=
                                                    merged[
                                                        Merged.wordIndex(tag: tag, position: position, length: length)]
                                                row &+=
                                                    merged[
                                                        Merged.marksIndex(
                                                            person: personMark, place: placeWordMark,
                                                            organization: organizationMark, position: position,
                                                            suffix: placeSuffix)]
                                                row &+=
                                                    merged[
                                                        Merged.placeIndex(
                                                            mark: placeMark, distance: organizationDistance,
                                                            position: position)]
                                                row &+=
                                                    merged[
                                                        Merged.personIndex(
                                                            surname: surname, position: position, length: length,
                                                            role: roleDistance, compound: compound)]
                                            } else {
                                                row = denseByKey(v)
                                            }
                                            // The scalar's own templates, and those of the positions that read it.
                                            let scalar = scalars[i]
                                            let block =
                                                scalar < 0x10000 ? scalarBlock[Int(scalar)] : EmissionTables.unlisted
                                            @inline(__always) func scalarRow(_ r: Int) -> SIMD8<Int16> {
                                                scalarRows[Int(block) &* EmissionTables.rowsPerScalar &+ r]
                                            }
                                            if block == EmissionTables.unlisted {
                                                let c = UInt64(scalar)
                                                if i + 2 < n { add(self.row(CharacterFeatures.key(1, c)), at: i + 2) }
                                                if i + 1 < n { add(self.row(CharacterFeatures.key(2, c)), at: i + 1) }
                                                row &+= widen(self.row(CharacterFeatures.key(3, c)))
                                                if i >= 1 { add(self.row(CharacterFeatures.key(4, c)), at: i - 1) }
                                                if i >= 2 { add(self.row(CharacterFeatures.key(5, c)), at: i - 2) }
                                                row &+= SIMD8<Int32>(
                                                    truncatingIfNeeded: self.row(
                                                        CharacterFeatures.key(26, c, v.position)))
                                            } else if block != 0 {
                                                if i + 2 < n { add(scalarRow(0), at: i + 2) }
                                                if i + 1 < n { add(scalarRow(1), at: i + 1) }
                                                row &+= widen(scalarRow(2))
                                                row &+= widen(scalarRow(5 &+ Int(v.position)))
                                                if i >= 1 { add(scalarRow(3), at: i - 1) }
                                                if i >= 2 { add(scalarRow(4), at: i - 2) }
                                            }
                                            // Skipping pairs, words and triples: keys for the keyed table, read
                                            // below (adjacent pairs are read by pair, further below), 0 for a
                                            // key the filter rules out (no key is 0), so that it is asked once
                                            // a key and not again by the loads ahead and the probes.
                                            @inline(__always) func keep(_ key: UInt64) -> UInt64 {
                                                KeyedRows.mayContain(key, in: filter) ? key : 0
                                            }
                                            let k = i &* hashedCount
                                            hashed[k] = keep(CharacterFeatures.key(10, v.before1, v.after1))
                                            hashed[k &+ 1] = keep(CharacterFeatures.key(13, v.wordHash, v.position))
                                            hashed[k &+ 2] = keep(CharacterFeatures.key(14, v.previousHash, v.position))
                                            hashed[k &+ 3] = keep(CharacterFeatures.key(15, v.nextHash, v.position))
                                            hashed[k &+ 4] = keep(
                                                CharacterFeatures.key(33, v.before1, v.current << 32 ^ v.after1))
                                            sums[i] &+= row
                                        }
                                        // The keyed table: keys the filter rules out are not probed; the home
                                        // slots of the others a few positions ahead are loaded first, so that
                                        // their cache misses overlap with the probes of this one.
                                        let ahead = 4
                                        var touched: UInt64 = 0
                                        for k in 0..<(min(ahead, n) &* hashedCount) where hashed[k] != 0 {
                                            touched |= pairKeys[KeyedRows.home(hashed[k], pairMask)]
                                        }
                                        for i in 0..<n {
                                            if i &+ ahead < n {
                                                let k = (i &+ ahead) &* hashedCount
                                                for f in 0..<hashedCount where hashed[k &+ f] != 0 {
                                                    touched |= pairKeys[KeyedRows.home(hashed[k &+ f], pairMask)]
                                                }
                                            }
                                            var row = SIMD8<Int32>()
                                            for f in 0..<hashedCount {
                                                let key = hashed[i &* hashedCount &+ f]
                                                guard key != 0 else { continue }
                                                var slot = KeyedRows.home(key, pairMask)
                                                while true {
                                                    let found = pairKeys[slot]
                                                    if found == key {
                                                        row &+= widen(pairRows[slot])
                                                        break
                                                    }
                                                    if found == 0 { break }
                                                    slot = (slot &+ 1) & pairMask
                                                }
                                            }
                                            sums[i] &+= row
                                        }
                                        // Adjacent pairs: the pair at j (scalars j and j + 1, sentinels beyond
                                        // the ends, j from -2 to n) is template 6 of position j + 1, 7 of j, 8 of
                                        // j + 2 and 9 of j - 1.
                                        @inline(__always) func char(_ j: Int) -> UInt64 {
                                            j < 0
                                                ? CharacterContext.startSentinel
                                                : j >= n ? CharacterContext.endSentinel : UInt64(scalars[j])
                                        }
                                        @inline(__always) func addPair(
                                            _ rows: (Int) -> SIMD8<Int16>, _ mask: UInt64, at j: Int
                                        ) {
                                            var r = 0
                                            for t in 0..<4 where mask >> UInt64(t) & 1 != 0 {
                                                let position = t == 0 ? j &+ 1 : t == 1 ? j : t == 2 ? j &+ 2 : j &- 1
                                                if position >= 0 && position < n { add(rows(r), at: position) }
                                                r &+= 1
                                            }
                                        }
                                        let pairSlots = bigrams.slots
                                        let pairShift = bigrams.shift
                                        let slotMask = pairSlots.count &- 1
                                        pairSlots.withUnsafeBufferPointer { pairSlots in
                                            bigrams.rows.withUnsafeBufferPointer { bigramRows in
                                                @inline(__always) func packed(_ j: Int) -> UInt64 {
                                                    let a = char(j)
                                                    return BigramRows.covers(a) ? BigramRows.packed(a, char(j &+ 1)) : 0
                                                }
                                                let ahead = 4
                                                for j in -2..<min(n &+ 1, ahead &- 2) where packed(j) != 0 {
                                                    touched |= pairSlots[BigramRows.home(packed(j), pairShift)]
                                                }
                                                for j in -2...n {
                                                    if j &+ ahead <= n, packed(j &+ ahead) != 0 {
                                                        touched |=
                                                            pairSlots[BigramRows.home(packed(j &+ ahead), pairShift)]
                                                    }
                                                    let key = packed(j)
                                                    guard key != 0 else {
                                                        // A pair from above U+FFFF: its four keys in the keyed table.
                                                        let a = char(j)
                                                        let b = char(j &+ 1)
                                                        addPair(
                                                            { r in
                                                                self.pairs.row(
                                                                    CharacterFeatures.key(6 &+ UInt64(r), a, b))
                                                            }, 15, at: j)
                                                        continue
                                                    }
                                                    var slot = BigramRows.home(key, pairShift)
                                                    while true {
                                                        let found = pairSlots[slot]
                                                        if found & BigramRows.keyBits == key {
                                                            let first = Int(truncatingIfNeeded: found >> 47)
                                                            addPair(
                                                                { bigramRows[first &+ $0] }, found >> 43 & 15, at: j)
                                                            break
                                                        }
                                                        if found == 0 { break }
                                                        slot = (slot &+ 1) & slotMask
                                                    }
                                                }
                                            }
                                        }
                                        // Lane 7 is no label; it keeps the touching loads from being optimised away.
                                        sums[n - 1][7] = Int32(touched & 1)
                                    }
                                }
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

/// Sign-extends the lanes of a row (written out: the generic conversion is not inlined).
@inline(__always)
func widen(_ r: SIMD8<Int16>) -> SIMD8<Int32> {
    SIMD8<Int32>(
        Int32(r[0]), Int32(r[1]), Int32(r[2]), Int32(r[3]), Int32(r[4]), Int32(r[5]), Int32(r[6]), Int32(r[7]))
}
