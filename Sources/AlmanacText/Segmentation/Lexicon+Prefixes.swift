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

    /// The words ``forEachWord(startingAt:in:maxLength:_:)`` reports at `index` of `scalars` with a
    /// `maxLength` of ``LexiconWordStarts/maxLength``, as one value.
    public func wordStarts(at index: Int, in scalars: [UInt32]) -> LexiconWordStarts {
        var starts = LexiconWordStarts()
        forEachWordImplementation(startingAt: index, in: scalars, maxLength: LexiconWordStarts.maxLength) {
            starts.add(length: $0, tag: UInt8(truncatingIfNeeded: $1))
        }
        starts.isComplete = true
        return starts
    }

    @usableFromInline
    func forEachWordImplementation(
        startingAt index: Int, in scalars: [UInt32], maxLength: Int, _ body: (Int, Int) -> Void
    ) {
        // The segmentation walk's trie: one hashed read a step, the tags in an array beside it.
        guard index < scalars.count, maxLength > 0 else { return }
        let first = scalars[index]
        guard first < 0x10000 else { return }
        let entry = walk.roots[Int(first)]
        if SegmentedTrie.endsWord(entry) { body(1, Int(walk.rootTags[Int(first)])) }
        scalars.withUnsafeBufferPointer {
            forEachWord(startingAt: index, continuing: entry, at: index + 1, in: $0, maxLength: maxLength, body)
        }
    }

    /// The words of ``forEachWord(startingAt:in:maxLength:_:)`` longer than `position - index`, for a
    /// walk that has reached `position` with `entry` (the walk's entry for `scalars[index..<position]`):
    /// how the segmenter, whose walks stop at the end of a run of Chinese characters, reads on past it.
    func forEachWord(
        startingAt index: Int, continuing entry: UInt64, at position: Int, in scalars: UnsafeBufferPointer<UInt32>,
        maxLength: Int, _ body: (Int, Int) -> Void
    ) {
        var entry = entry
        var position = position
        if position == index + 1 && position < scalars.count && !storage.mayBeginWord(scalars[index], scalars[position])
        {
            return
        }
        while position < scalars.count && position - index < maxLength {
            let slot = walk.stepSlot(from: entry, label: scalars[position])
            if slot < 0 { return }
            entry = walk.slots[slot]
            position += 1
            if SegmentedTrie.endsWord(entry) { body(position - index, Int(walk.slotTags[slot])) }
        }
    }
}
