/// A figure printed in text: where it is, what it is worth and in what unit.
///
/// Offsets count Unicode scalars of the text the quantity was read from, `end` exclusive.
public struct Quantity: Sendable, Hashable, Codable {
    /// Scalar offset of the first character (an approximation word such as `近` included).
    public var start: Int
    /// Scalar offset just after the last character (the unit included).
    public var end: Int
    /// The figure as printed: `近200项`, `6.43亿元`, `90%以上`.
    public var text: String
    /// The value with multipliers resolved (`6.43亿元` → 643000000); for a range, its low end.
    public var value: Double
    /// The low end of a range, else `nil`.
    public var low: Double?
    /// The high end of a range, else `nil`.
    public var high: Double?
    /// What is left after the multiplier: `元`, `美元`, `%`, `个百分点`, or the measure word (`户`, `吨`).
    public var unit: String
    /// Whether an approximation word (余 多 近 约 超过 以上 左右 不到 …) marks the figure.
    public var approx: Bool

    /// Creates a quantity.
    public init(
        start: Int, end: Int, text: String, value: Double, low: Double? = nil, high: Double? = nil, unit: String,
        approx: Bool = false
    ) {
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.unit = unit
        self.approx = approx
    }
}
