/// The first reading of ``PlaceFinder``: names that end in an administrative suffix (岚江市, 青河县,
/// 五台子村, 全省), read once for an article whole and shared with its parts.
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

    /// The places of `scalars` named by a suffix, left to right.
    ///
    /// Each is read from its suffix, the few scalars before it (never past a character that is not
    /// Chinese) and the one or two after it: in a text made of parts joined by line breaks, a part
    /// gives the same places (shifted) as the whole gives inside that part.
    func suffixPlaces(in scalars: [UInt32]) -> [SuffixPlace] {
        var found: [SuffixPlace] = []
        let suffixes = Self.suffixes
        var index = 1
        while index < scalars.count {
            let value = scalars[index]
            guard suffixes.contains(value) || value == 0x8857 else {  // 街
                index += 1
                continue
            }
            var suffixLength = 1
            if value == 0x8857 {
                guard index + 1 < scalars.count, scalars[index + 1] == 0x9053 else {  // 街道
                    index += 1
                    continue
                }
                suffixLength = 2
            }
            let after = index + suffixLength
            let next: UInt32 = after < scalars.count ? scalars[after] : 0
            // 市场, 县城, 村民: the suffix makes a word with what follows — unless that character begins a
            // word of its own (岚江市外贸, 青河县城乡, 鹤溪市民营).
            if let blocked = Self.compoundFollowers[value], blocked.contains(next),
                !(after + 2 <= scalars.count && (lexicon?.contains(scalars: scalars[after..<after + 2]) ?? false))
            {
                index += 1
                continue
            }
            if scalars[index - 1] == 0x5168, suffixLength == 1 {  // 全省 全市
                found.append(SuffixPlace(range: index - 1..<after, stem: nil, suffix: value))
                index = after
                continue
            }
            // The suffix is passed as a slice: a suffix scalar stands at every few scalars of a text,
            // and an array made of it for each was a tenth of a page's allocations.
            if let stemStart = stemStart(in: scalars, suffixAt: index, suffix: scalars[index..<after]) {
                var end = after
                // 岚江市主城区, 岚江市高新区: a part of the city named with it.
                for tail in Self.districtTails where Scalars.matches(tail, in: scalars, at: end) {
                    end += tail.count
                    break
                }
                // A non-local suffix is one scalar (街道 is local): the name in full is stem + suffix.
                let givesStem = index - stemStart >= 2 && !Self.localSuffixes.contains(value)
                found.append(SuffixPlace(range: stemStart..<end, stem: givesStem ? stemStart..<index : nil, suffix: value))
                index = end
                continue
            }
            index += 1
        }
        return found
    }
}
