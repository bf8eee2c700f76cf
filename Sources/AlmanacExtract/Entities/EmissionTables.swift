/// The tagger's weights rearranged for reading text fast, with exactly the scores of the hashed
/// lookups they are copied from.
///
/// Of the 34 feature templates, 18 hash values from small ranges (positions, lengths, tag codes,
/// distances, marks): their rows are looked up once, when the tagger is built, for every value
/// the range holds, and kept in dense arrays a few tens of kilobytes long, read by index (six
/// templates one row each, ``Singles``; the others summed by groups that share values, ``Merged``). Six
/// hash one scalar (the scalars two before to two after, and the scalar with its word position):
/// their rows are looked up for every scalar of the Basic Multilingual Plane and kept in one block
/// of ten rows a scalar, so a scalar's weights are one read however many positions use them. The
/// four templates of adjacent scalar pairs are read by pair (``BigramRows``); only the five of
/// skipping pairs, triples and word hashes are looked up by hashed key per position.
struct EmissionTables: Sendable {
    /// How a dense template's value turns into an index: a count (`value < count`), or a tag code
    /// (0…37, then 99, 100, 101 as 38, 39, 40).
    enum Domain: Sendable {
        case count(Int)
        case tags

        var size: Int {
            switch self {
            case .count(let count): count
            case .tags: 41
            }
        }

        func value(_ index: Int) -> UInt64 {
            switch self {
            case .count: UInt64(index)
            case .tags: index < 38 ? UInt64(index) : UInt64(index + 61)
            }
        }
    }

    /// The index of tag code `value` in a ``Domain/tags`` domain (out of range when it is none).
    @inline(__always)
    static func tagIndex(_ value: UInt64) -> Int {
        value < 38 ? Int(value) : value >= 99 && value <= 101 ? Int(value) - 61 : Int.max
    }

    /// A template whose two values come from small domains, and where its rows start in `dense`.
    struct DenseTemplate: Sendable {
        let template: UInt64
        let first: Domain
        let second: Domain
        var offset = 0

        init(_ template: UInt64, _ first: Domain, _ second: Domain = .count(1)) {
            self.template = template
            self.first = first
            self.second = second
        }
    }

    /// The dense templates, in the order of ``CharacterFeatures``' numbering.
    static let templates: [DenseTemplate] = [
        DenseTemplate(0, .count(1)),
        DenseTemplate(11, .count(5), .count(7)),  // position, length
        DenseTemplate(12, .tags, .count(5)),  // tag, position
        DenseTemplate(16, .tags, .count(5)),  // previous tag, position
        DenseTemplate(17, .tags, .count(5)),  // next tag, position
        DenseTemplate(18, .count(8), .count(5)),  // place mark, position
        DenseTemplate(19, .count(2), .count(40)),  // surname, position × 8 + length
        DenseTemplate(20, .count(3)),  // compound surname (0: no feature)
        DenseTemplate(21, .count(8), .tags),  // transliteration bits, tag
        DenseTemplate(22, .count(14), .count(5)),  // organisation distance, suffix position
        DenseTemplate(23, .count(5), .count(2)),  // role distance, surname
        DenseTemplate(24, .count(2), .count(5)),  // place suffix, position
        DenseTemplate(25, .count(0x556)),  // scalar classes
        DenseTemplate(27, .tags, .count(7)),  // tag, length
        DenseTemplate(28, .count(8), .count(14)),  // place mark, organisation distance
        DenseTemplate(29, .count(4), .count(5)),  // person word mark, position
        DenseTemplate(30, .count(4), .count(5)),  // place word mark, position
        DenseTemplate(31, .count(4), .count(5)),  // organisation word mark, position
        DenseTemplate(32, .count(9), .count(9)),  // longest word starting, ending
    ]

    /// Rows of the scalar templates a scalar has: 1, 2, 3, 4, 5 (the scalar two after, one after,
    /// at, one before and two before the position that reads it), then 26 at word positions 0…4.
    static let rowsPerScalar = 10
    static let unlisted: UInt16 = 0xFFFF

    /// The dense templates read one row each (``Singles``), one after another.
    let singles: [SIMD8<Int16>]
    /// Dense templates that share their values, summed ahead into one row per combination of the
    /// values (``Merged``): four reads a position where there were thirteen. The sums are of
    /// integers, so they are the same in any order.
    let merged: [SIMD8<Int32>]
    /// For each scalar of the Basic Multilingual Plane, its block in `scalarRows` (0: all zero;
    /// ``unlisted``: not copied, look its rows up by key).
    let scalarBlock: [UInt16]
    let scalarRows: [SIMD8<Int16>]
    /// Rows of templates 1 and 2 for the start sentinel, 4 and 5 for the end sentinel.
    let start1: SIMD8<Int16>
    let start2: SIMD8<Int16>
    let end4: SIMD8<Int16>
    let end5: SIMD8<Int16>

    /// Copies the rows of every value the dense and scalar templates can take out of `row(key)`.
    init(row: (UInt64) -> SIMD8<Int16>) {
        var layout: [DenseTemplate] = []
        var dense: [SIMD8<Int16>] = []
        for var template in Self.templates {
            template.offset = dense.count
            for a in 0..<template.first.size {
                for b in 0..<template.second.size {
                    let first = template.first.value(a)
                    let second = template.second.value(b)
                    if template.template == 20 && first == 0 {
                        dense.append(SIMD8())  // the feature is absent, not hashed
                    } else {
                        dense.append(row(CharacterFeatures.key(template.template, first, second)))
                    }
                }
            }
            layout.append(template)
        }
        singles = Singles.rows(dense: dense, layout: layout)
        merged = Merged.rows(dense: dense, layout: layout)
        var blocks = [UInt16](repeating: Self.unlisted, count: 0x10000)
        var rows = [SIMD8<Int16>](repeating: SIMD8(), count: Self.rowsPerScalar)
        var block = [SIMD8<Int16>](repeating: SIMD8(), count: Self.rowsPerScalar)
        for scalar in 0..<0x10000 where rows.count / Self.rowsPerScalar < Int(Self.unlisted) {
            let value = UInt64(scalar)
            var any = false
            for template in 0..<5 {
                block[template] = row(CharacterFeatures.key(UInt64(template + 1), value))
                any = any || block[template] != SIMD8()
            }
            for position in 0..<5 {
                block[5 + position] = row(CharacterFeatures.key(26, value, UInt64(position)))
                any = any || block[5 + position] != SIMD8()
            }
            guard any else {
                blocks[scalar] = 0
                continue
            }
            blocks[scalar] = UInt16(rows.count / Self.rowsPerScalar)
            rows.append(contentsOf: block)
        }
        scalarBlock = blocks
        scalarRows = rows
        start1 = row(CharacterFeatures.key(1, CharacterContext.startSentinel))
        start2 = row(CharacterFeatures.key(2, CharacterContext.startSentinel))
        end4 = row(CharacterFeatures.key(4, CharacterContext.endSentinel))
        end5 = row(CharacterFeatures.key(5, CharacterContext.endSentinel))
    }
}

extension EmissionTables {
    /// The dense templates read one row each, one after another in ``singles``, with the sizes of
    /// their domains written out (as ``Merged``'s are) so that a row's index is arithmetic on
    /// constants: 3 and 4, previous and next tag (41) by position (5); 8, transliteration bits (8) by
    /// tag (41); 9, organisation distance (14) by suffix position (5); 12, scalar classes (0x556); 18,
    /// longest word starting (9) by ending (9).
    enum Singles {
        static let previousTag = 0
        static let nextTag = previousTag + 41 * 5
        static let transliteration = nextTag + 41 * 5
        static let organization = transliteration + 8 * 41
        static let kinds = organization + 14 * 5
        static let longest = kinds + 0x556
        static let count = longest + 9 * 9

        @inline(__always)
        static func previousTagIndex(tag: Int, position: Int) -> Int { previousTag &+ tag &* 5 &+ position }

        @inline(__always)
        static func nextTagIndex(tag: Int, position: Int) -> Int { nextTag &+ tag &* 5 &+ position }

        @inline(__always)
        static func transliterationIndex(_ bits: Int, tag: Int) -> Int { transliteration &+ bits &* 41 &+ tag }

        @inline(__always)
        static func organizationIndex(distance: Int, suffixPosition: Int) -> Int {
            organization &+ distance &* 5 &+ suffixPosition
        }

        @inline(__always)
        static func kindsIndex(_ kinds: Int) -> Int { self.kinds &+ kinds }

        @inline(__always)
        static func longestIndex(starting: Int, ending: Int) -> Int { longest &+ starting &* 9 &+ ending }

        /// The rows of templates 3, 4, 8, 9, 12 and 18, copied out of `dense` in that order.
        static func rows(dense: [SIMD8<Int16>], layout: [DenseTemplate]) -> [SIMD8<Int16>] {
            var rows: [SIMD8<Int16>] = []
            rows.reserveCapacity(count)
            for (template, first, second) in [
                (3, 41, 5), (4, 41, 5), (8, 8, 41), (9, 14, 5), (12, 0x556, 1), (18, 9, 9),
            ] {
                let t = layout[template]
                precondition(t.first.size == first && t.second.size == second, "the domains written out above")
                rows += dense[t.offset..<t.offset + first * second]
            }
            precondition(rows.count == count, "every row of the single templates")
            return rows
        }
    }

    /// The merged dense templates and the index of a row in ``merged``. Each group's values are
    /// numbered in mixed radix; a value outside its range is outside its templates' domains too.
    enum Merged {
        /// Templates 0, 1, 2 and 13: tag (41), position (5), length (7).
        static let word = 0
        /// Templates 11, 15, 16, 17: the word marks of person, place, organisation (4 each),
        /// position (5), place suffix (2).
        static let marks = word + 41 * 5 * 7
        /// Templates 5 and 14: place mark (8), organisation distance (14), position (5).
        static let place = marks + 4 * 4 * 4 * 5 * 2
        /// Templates 6, 10 and 7: surname (2), position × 8 + length (40), role distance (5),
        /// compound surname (3).
        static let person = place + 8 * 14 * 5
        static let count = person + 2 * 40 * 5 * 3

        @inline(__always)
        static func wordIndex(tag: Int, position: Int, length: Int) -> Int {
            word &+ (tag &* 5 &+ position) &* 7 &+ length
        }

        @inline(__always)
        static func marksIndex(person: Int, place: Int, organization: Int, position: Int, suffix: Int) -> Int {
            marks &+ (((person &* 4 &+ place) &* 4 &+ organization) &* 5 &+ position) &* 2 &+ suffix
        }

        @inline(__always)
        static func placeIndex(mark: Int, distance: Int, position: Int) -> Int {
            place &+ (mark &* 14 &+ distance) &* 5 &+ position
        }

        @inline(__always)
        static func personIndex(surname: Int, position: Int, length: Int, role: Int, compound: Int) -> Int {
            person &+ ((surname &* 40 &+ position &* 8 &+ length) &* 5 &+ role) &* 3 &+ compound
        }

        /// The summed rows of every combination of each group's values.
        static func rows(dense: [SIMD8<Int16>], layout: [DenseTemplate]) -> [SIMD8<Int32>] {
            func row(_ template: Int, _ a: Int, _ b: Int = 0) -> SIMD8<Int32> {
                let t = layout[template]
                precondition(a < t.first.size && b < t.second.size, "a value inside the template's domain")
                return widen(dense[t.offset + a * t.second.size + b])
            }
            var rows = [SIMD8<Int32>](repeating: SIMD8(), count: count)
            for tag in 0..<41 {
                for position in 0..<5 {
                    for length in 0..<7 {
                        rows[wordIndex(tag: tag, position: position, length: length)] =
                            row(0, 0) &+ row(1, position, length) &+ row(2, tag, position) &+ row(13, tag, length)
                    }
                }
            }
            for person in 0..<4 {
                for place in 0..<4 {
                    for organization in 0..<4 {
                        for position in 0..<5 {
                            for suffix in 0..<2 {
                                rows[
                                    marksIndex(
                                        person: person, place: place, organization: organization, position: position,
                                        suffix: suffix)] =
                                    row(11, suffix, position) &+ row(15, person, position) &+ row(16, place, position)
                                    &+ row(17, organization, position)
                            }
                        }
                    }
                }
            }
            for mark in 0..<8 {
                for distance in 0..<14 {
                    for position in 0..<5 {
                        rows[placeIndex(mark: mark, distance: distance, position: position)] =
                            row(5, mark, position) &+ row(14, mark, distance)
                    }
                }
            }
            for surname in 0..<2 {
                for position in 0..<5 {
                    for length in 0..<8 {
                        for role in 0..<5 {
                            for compound in 0..<3 {
                                rows[
                                    personIndex(
                                        surname: surname, position: position, length: length, role: role,
                                        compound: compound)] =
                                    row(6, surname, position * 8 + length) &+ row(10, role, surname) &+ row(7, compound)
                            }
                        }
                    }
                }
            }
            return rows
        }
    }
}
