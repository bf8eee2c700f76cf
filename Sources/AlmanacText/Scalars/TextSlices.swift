/// Strings of scalar ranges of a text held both as a `String` and as its scalar values, cut from the
/// string's UTF-8 rather than encoded again from the scalars.
///
/// A string encoded from scalars (`String(scalarValues:)`) is counted, written and then validated
/// as UTF-8 by the standard library; a slice of a string that is valid already is copied as it is.
/// The byte offset of a scalar offset is found by walking the scalars from the last place asked,
/// so ranges asked in order of their starts (the sentences of a passage) walk the text once.
public struct TextSlices {
    private let text: String
    private let scalars: [UInt32]
    /// A scalar offset and the byte offset of the same place in `text`'s UTF-8.
    private var scalarOffset = 0
    private var byteOffset = 0

    /// Slices of `text`, whose scalar values are `scalars` (`text.scalarValues`).
    public init(_ text: String, scalars: [UInt32]) {
        self.text = text
        self.scalars = scalars
    }

    /// The text of the scalars in `range`.
    public mutating func string(_ range: Range<Int>) -> String {
        let start = byteOffset(of: range.lowerBound)
        let end = byteOffset(of: range.upperBound)
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// The byte offset of scalar offset `target`, walked to from the last offset asked (from the
    /// start when `target` lies before it).
    private mutating func byteOffset(of target: Int) -> Int {
        if target < scalarOffset {
            scalarOffset = 0
            byteOffset = 0
        }
        // Every value is a scalar (they are a string's), so a scalar's length is 1 plus one for each
        // bound it reaches: added without branches, which lets the loop be vectorised.
        var bytes = 0
        scalars.withUnsafeBufferPointer { scalars in
            for value in scalars[scalarOffset..<target] {
                bytes &+= 1 &+ (value >= 0x80 ? 1 : 0) &+ (value >= 0x800 ? 1 : 0) &+ (value >= 0x10000 ? 1 : 0)
            }
        }
        scalarOffset = target
        byteOffset &+= bytes
        return byteOffset
    }
}
