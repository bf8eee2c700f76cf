/// The first reading of ``PlaceFinder``: names that end in an administrative suffix (岚江市, 青河县,
/// 五台子村, 全省), and where the scalars stand that later rules start from, read once for an article
/// whole and shared with its parts.
extension PlaceFinder {
    /// A place named by its suffix, with what the later rules read of it.
    struct SuffixPlace: Sendable {
        /// The name's scalars (with a district after it: 岚江市高新区).
        var range: Range<Int>
        /// The stem the name gives for reading it bare elsewhere (岚江 of 岚江市), if any.
        var stem: Range<Int>?
        /// The suffix's scalar (市).
        var suffix: UInt32
    }

    /// What one pass over a text finds for the later rules, as offsets in the text read; for a part
    /// of it (``part(_:)``), still offsets in the whole, `shift` being where the part begins.
    ///
    /// A text is read for places up to three times a page (the page, each article whole, each part
    /// with figures): each rule scanned every scalar of it for its own few starting scalars, where the
    /// one pass that finds the suffixes now notes those of the others too.
    struct Reading: Sendable {
        /// The places named by a suffix, left to right.
        var suffixPlaces: ArraySlice<SuffixPlace>
        /// Where a scalar stands that opens an institution's tail (one of ``PlaceFinder/tailStarts``).
        var tailStarts: ArraySlice<Int>
        /// Where a scalar stands that opens a landmark's suffix (one of ``PlaceFinder/landmarkStarts``).
        var landmarkStarts: ArraySlice<Int>
        /// Where the text these findings are for begins in the one read.
        var shift = 0

        /// The findings inside `range` of the text read (a part of an article whole, whose parts are
        /// joined by line breaks: nothing found runs across one), for the part alone.
        func part(_ range: Range<Int>) -> Reading {
            func inside(_ offsets: ArraySlice<Int>) -> ArraySlice<Int> {
                let first = offsets.firstIndex { $0 >= range.lowerBound } ?? offsets.endIndex
                return offsets[first...].prefix { $0 < range.upperBound }
            }
            let first = suffixPlaces.firstIndex { $0.range.lowerBound >= range.lowerBound } ?? suffixPlaces.endIndex
            return Reading(
                suffixPlaces: suffixPlaces[first...].prefix { $0.range.lowerBound < range.upperBound },
                tailStarts: inside(tailStarts), landmarkStarts: inside(landmarkStarts), shift: range.lowerBound)
        }
    }

    /// The places of `scalars` named by a suffix, left to right, with where the scalars stand that
    /// open a tail or a landmark's suffix.
    ///
    /// Each place is read from its suffix, the few scalars before it (never past a character that is
    /// not Chinese) and the one or two after it: in a text made of parts joined by line breaks, a part
    /// gives the same places (shifted) as the whole gives inside that part.
    func reading(of scalars: [UInt32]) -> Reading {
        var found: [SuffixPlace] = []
        var tailStarts: [Int] = []
        var landmarkStarts: [Int] = []
        let suffixes = Self.suffixes
        // One lookup a scalar answers all three rules for most scalars.
        let starts = Self.readingStarts
        let tailStartSet = Self.tailStarts
        let landmarkStartSet = Self.landmarkStarts
        var index = 0
        while true {
            index = starts.firstMember(in: scalars, from: index)
            guard index < scalars.count else { break }
            let value = scalars[index]
            if tailStartSet.contains(value) { tailStarts.append(index) }
            if landmarkStartSet.contains(value) { landmarkStarts.append(index) }
            if index == 0 {
                index += 1
                continue
            }
            guard let place = suffixPlace(at: index, in: scalars, suffixes: suffixes) else {
                index += 1
                continue
            }
            found.append(place)
            // The scalars the place covers after its suffix are read for the other rules all the same.
            for offset in index + 1..<place.range.upperBound {
                if tailStartSet.contains(scalars[offset]) { tailStarts.append(offset) }
                if landmarkStartSet.contains(scalars[offset]) { landmarkStarts.append(offset) }
            }
            index = place.range.upperBound
        }
        return Reading(suffixPlaces: found[...], tailStarts: tailStarts[...], landmarkStarts: landmarkStarts[...])
    }

    /// The place named by the suffix at `index`, if a suffix stands there and names one.
    private func suffixPlace(at index: Int, in scalars: [UInt32], suffixes: ScalarSet) -> SuffixPlace? {
        let value = scalars[index]
        guard suffixes.contains(value) || value == 0x8857 else { return nil }  // 街
        var suffixLength = 1
        if value == 0x8857 {
            guard index + 1 < scalars.count, scalars[index + 1] == 0x9053 else { return nil }  // 街道
            suffixLength = 2
        }
        let after = index + suffixLength
        let next: UInt32 = after < scalars.count ? scalars[after] : 0
        // 市场, 县城, 村民: the suffix makes a word with what follows — unless that character begins a
        // word of its own (岚江市外贸, 青河县城乡, 鹤溪市民营).
        if Self.compoundFollowerScalars.contains(next), let blocked = Self.compoundFollowers[value],
            blocked.contains(next),
            !(after + 2 <= scalars.count && (lexicon?.contains(scalars: scalars[after..<after + 2]) ?? false))
        {
            return nil
        }
        if scalars[index - 1] == 0x5168, suffixLength == 1 {  // 全省 全市
            return SuffixPlace(range: index - 1..<after, stem: nil, suffix: value)
        }
        // The suffix is passed as a slice: a suffix scalar stands at every few scalars of a text,
        // and an array made of it for each was a tenth of a page's allocations.
        guard let stemStart = stemStart(in: scalars, suffixAt: index, suffix: scalars[index..<after]) else {
            return nil
        }
        var end = after
        // 岚江市主城区, 岚江市高新区: a part of the city named with it.
        for tail in Self.districtTails where Scalars.matches(tail, in: scalars, at: end) {
            end += tail.count
            break
        }
        // A non-local suffix is one scalar (街道 is local): the name in full is stem + suffix.
        let givesStem = index - stemStart >= 2 && !Self.localSuffixes.contains(value)
        return SuffixPlace(range: stemStart..<end, stem: givesStem ? stemStart..<index : nil, suffix: value)
    }

    /// Every scalar of ``PlaceFinder/compoundFollowers``' sets: most scalars after a suffix follow
    /// none, and one lookup tells them before the table is hashed (and its set retained).
    static let compoundFollowerScalars = compoundFollowers.values.reduce(ScalarSet("")) { $0.union($1) }

    /// The scalars the first reading stops at: suffixes, 街, and the first scalars of tails and of
    /// landmarks' suffixes.
    static let readingStarts = suffixes.union(Scalars.set("街")).union(tailStarts).union(landmarkStarts)
}
