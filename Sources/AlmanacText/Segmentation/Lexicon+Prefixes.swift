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
        var node: Int32 = 0
        var position = index
        while position < scalars.count && position - index < maxLength {
            let value = scalars[position]
            guard value < 0x10000 else { return }
            node = child(of: node, label: value)
            if node < 0 { return }
            position += 1
            if frequency(at: node) > 0 { body(position - index, Int(storage.tags[Int(node)])) }
        }
    }
}
