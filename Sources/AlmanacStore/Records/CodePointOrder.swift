extension String {
    /// Whether this string sorts before `other` by code point, as both drivers order names
    /// (`SQLDialect.byCodePoint`): compared as UTF-8 bytes, which sort as their code points do and
    /// compare far faster than scalars decoded one by one.
    func precedesByCodePoint(_ other: String) -> Bool {
        var (left, right) = (self, other)
        return left.withUTF8 { leftBytes in right.withUTF8 { leftBytes.lexicographicallyPrecedes($0) } }
    }

    /// Whether this string has the same UTF-8 bytes as `other`: equal as the archive compares text
    /// (`==` on strings also takes canonically equivalent spellings as equal).
    func hasSameBytes(as other: String) -> Bool {
        var (left, right) = (self, other)
        return left.withUTF8 { leftBytes in right.withUTF8 { leftBytes.elementsEqual($0) } }
    }
}
