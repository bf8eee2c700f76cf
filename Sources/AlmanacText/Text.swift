/// Chinese text primitives: normalisation, numerals, sentences and words.
public enum AlmanacTextInfo {
    public static let version = "0.1.0"
}
