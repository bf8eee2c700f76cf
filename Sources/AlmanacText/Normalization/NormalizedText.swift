/// Text after normalisation, with a map from each of its scalars back to the text as read.
///
/// Offsets count Unicode scalars. `originalOffsets` has one entry per normalised scalar plus a final
/// entry equal to the original length, so an exclusive end maps like a start.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text.
    public let text: String
    /// The normalised text's scalar values.
    public let scalars: [UInt32]
    /// For each normalised scalar, the offset of the original scalar it came from; then the original length.
    public let originalOffsets: [Int]

    /// Creates normalised text from scalars and their origin offsets (`offsets.count == scalars.count + 1`).
    public init(scalars: [UInt32], originalOffsets offsets: [Int]) {
        precondition(offsets.count == scalars.count + 1, "one origin per scalar plus the end")
        self.scalars = scalars
        self.originalOffsets = offsets
        self.text = String(scalarValues: scalars)
    }

    /// The original offset of a normalised offset (`0...scalars.count`).
    public func originalOffset(of offset: Int) -> Int {
        originalOffsets[min(max(offset, 0), originalOffsets.count - 1)]
    }

    /// The original range covered by a range of normalised scalars.
    ///
    /// The end maps to just past the original scalar behind the range's last scalar, so removed
    /// white space after the range is not included.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let start = originalOffset(of: range.lowerBound)
        guard !range.isEmpty else { return start..<start }
        let end = originalOffset(of: range.upperBound - 1) + 1
        return start..<max(end, start)
    }
}
