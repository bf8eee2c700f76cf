extension Array {
    /// An array of `count` copies of `value`, as `Array(repeating:count:)` makes it, allocated where
    /// the compiler knows the element type.
    ///
    /// `Array(repeating:count:)` (and `Array(unsafeUninitializedCapacity:)`) allocate in a standard
    /// library function that is never inlined nor specialised, which looks up the type of the array's
    /// storage at run time — a search of the runtime's metadata cache, some 550 instructions, for every
    /// array made. Arrays made for every text, sentence and line of a page paid it thousands of times a
    /// page. Copying from `repeatElement` allocates through the specialised path, whose storage type is
    /// looked up once per element type.
    @inlinable
    public init(filling value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }
}
