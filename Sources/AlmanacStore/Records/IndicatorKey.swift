/// The form of an indicator that facts are grouped and looked up by.
///
/// Full-width letters and digits fold to ASCII, Latin letters to lower case, spaces and punctuation
/// go, and the abbreviation 规上 reads as 规模以上 (`规上工业增加值` = `规模以上工业增加值`).
public enum IndicatorKey {
    /// The key of `indicator`.
    public static func make(_ indicator: String) -> String {
        // Most indicators are Chinese characters only, and are their own key: nothing to build.
        if !indicator.hasPrefix("规上"), indicator.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }) {
            return indicator
        }
        var scalars = String.UnicodeScalarView()
        for scalar in indicator.unicodeScalars {
            var value = scalar.value
            // Most of a key is Chinese: no space, punctuation or case to look up.
            if (0x4E00...0x9FFF).contains(value) {
                scalars.append(scalar)
                continue
            }
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            guard let folded = Unicode.Scalar(value) else { continue }
            let properties = folded.properties
            if properties.isWhitespace { continue }
            switch properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation:
                continue
            default:
                break
            }
            if folded.isASCII, properties.isUppercase {
                scalars.append(contentsOf: folded.properties.lowercaseMapping.unicodeScalars)
            } else {
                scalars.append(folded)
            }
        }
        var key = String(scalars)
        if key.hasPrefix("规上") { key = "规模以上" + key.dropFirst(2) }
        return key
    }
}
