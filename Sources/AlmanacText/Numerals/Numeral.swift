/// A number found in text: its extent and what it is worth.
public struct Numeral: Sendable, Equatable {
    /// Scalar offsets of the whole expression, approximation words (`约`, `余`, `左右`…) and `%` included.
    public var range: Range<Int>
    /// The value with multipliers resolved (`6.43亿` → 643000000); for a range, its low end.
    public var value: Double
    /// The low end of a range (`1万-5万`, `两到三万`, `八九亿`), else `nil`.
    public var low: Double?
    /// The high end of a range, else `nil`.
    public var high: Double?
    /// Whether the number is approximate (`约`, `近`, `超过`, `余`, `多`, `左右`, `以上`, `数十`…).
    public var isApproximate: Bool
    /// Whether the number is a percentage (`7.4%`, `百分之三十`).
    public var isPercent: Bool
    /// The multiplier the number ends with (`万` → 1e4 in `1.2万`), 1 when none.
    public var multiplier: Double

    /// Creates a numeral.
    public init(
        range: Range<Int>, value: Double, low: Double? = nil, high: Double? = nil, isApproximate: Bool = false,
        isPercent: Bool = false, multiplier: Double = 1
    ) {
        self.range = range
        self.value = value
        self.low = low
        self.high = high
        self.isApproximate = isApproximate
        self.isPercent = isPercent
        self.multiplier = multiplier
    }
}
