/// Lexicon words by position, for readers that need every word a text could hold at a point (not
/// only the ones the segmenter picks) — the entity recogniser's dictionary features.
extension Lexicon {
    /// The jieba tag names; ``forEachWord(startingAt:in:maxLength:_:)`` reports tags as indices into it.
    public var tagNameList: [String] { tagNames }

    /// Calls `body(length, tagIndex)` for every lexicon word that starts at `index` of `scalars`
    /// (width-folded scalar values), shortest first, up to `maxLength` scalars.
    @inlinable
    public func forEachWord(
        startingAt index: Int, in scalars: [UInt32], maxLength: Int = 8, _ body: (Int, Int) -> Void
    ) {
        forEachWordImplementation(startingAt: index, in: scalars, maxLength: maxLength, body)
    }

    @usableFromInline
    func forEachWordImplementation(
        startingAt index: Int, in scalars: [UInt32], maxLength: Int, _ body: (Int, Int) -> Void
    ) {
        // The segmentation walk's trie: one hashed read a step, the tags in an array beside it.
        guard index < scalars.count, maxLength > 0 else { return }
        let first = scalars[index]
        guard first < 0x10000 else { return }
        var entry = walk.roots[Int(first)]
        if SegmentedTrie.endsWord(entry) { body(1, Int(walk.rootTags[Int(first)])) }
        var position = index + 1
        if position < scalars.count && !storage.mayBeginWord(first, scalars[position]) { return }
        while position < scalars.count && position - index < maxLength {
            let slot = walk.stepSlot(from: entry, label: scalars[position])
            if slot < 0 { return }
            entry = walk.slots[slot]
            position += 1
            if SegmentedTrie.endsWord(entry) { body(position - index, Int(walk.slotTags[slot])) }
        }
    }
}
