/// Scores a recogniser against BIO sentences (SPEC.md "Scoring", ner): exact span and type.
public enum NEREvaluation {
    /// Runs `recognizer` on every sentence's text and scores its person, place and organisation
    /// mentions against the sentence's gold spans; projects are not scored.
    public static func score(_ recognizer: EntityRecognizer, on sentences: [NERSentence]) -> NERScore {
        var score = NERScore()
        for sentence in sentences {
            let predicted = recognizer.mentions(in: sentence.text).compactMap { mention in
                NERSpan.type(of: mention.kind).map { NERSpan(type: $0, start: mention.start, end: mention.end) }
            }
            score.add(gold: sentence.spans, predicted: predicted)
        }
        return score
    }
}
