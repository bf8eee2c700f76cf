/// Writes deterministic newspaper pages for benchmarks and load tests: the pages of an invented
/// regional daily about 岚江市, about 10 KB each with 8 to 12 articles, in the raw state text
/// extraction leaves a printed page in (see ``ArticleWriter``).
///
/// Page `k` depends only on the seed and `k`, so the first pages of a large corpus are those of a
/// small one, and the same seed gives the same bytes on every machine.
///
/// ```swift
/// let generator = CorpusGenerator(seed: 7)
/// let page = generator.page(0)   // page.name == "2018-01-01_01.txt"
/// ```
public struct CorpusGenerator: Sendable {
    /// A generated page: its file name (which carries its date), its text, and the headlines of the
    /// articles written onto it, in order.
    public struct GeneratedPage: Sendable, Hashable {
        public var name: String
        public var text: String
        public var headlines: [String]
    }

    public var seed: UInt64
    /// Pages printed per day; the file names count them within a day (`2018-01-01_03.txt`).
    public var pagesPerDay: Int
    /// Bytes of text per page, roughly.
    public var pageBytes: Int

    public init(seed: UInt64 = 1, pagesPerDay: Int = 8, pageBytes: Int = 10_000) {
        self.seed = seed
        self.pagesPerDay = pagesPerDay
        self.pageBytes = pageBytes
    }

    /// The page at `index` (from 0).
    public func page(_ index: Int) -> GeneratedPage {
        var random = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D ^ UInt64(index))
        // Skip the first outputs, which stay close for neighbouring seeds.
        for _ in 0..<4 { _ = random.next() }
        let marked = random.chance(0.6)
        let count = random.int(8...12)
        var blocks: [String] = []
        var headlines: [String] = []
        for position in 0..<count {
            if position > 0, random.chance(0.25) {
                let section = random.pick(WordPools.sections)
                blocks.append((marked ? "### " : "") + section.label + " " + section.pinyin)
            }
            let writer = ArticleWriter(marked: marked, targetBytes: pageBytes * 6 / (10 * count))
            let article = writer.write(using: &random)
            blocks.append(article.text)
            headlines.append(article.headline)
        }
        return GeneratedPage(name: name(of: index), text: "\n\n" + blocks.joined(separator: "\n\n") + "\n", headlines: headlines)
    }

    /// `YYYY-MM-DD_NN.txt`: pages of one day share its date, days follow from 2018-01-01.
    public func name(of index: Int) -> String {
        let (year, month, day) = Self.date(daysAfterStart: index / pagesPerDay)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))_\(two(index % pagesPerDay + 1)).txt"
    }

    static func date(daysAfterStart days: Int) -> (Int, Int, Int) {
        var (year, month, day) = (2018, 1, 1)
        var left = days
        while left > 0 {
            let length = daysIn(month: month, year: year)
            if day + left <= length {
                day += left
                left = 0
            } else {
                left -= length - day + 1
                day = 1
                month += 1
                if month > 12 { (month, year) = (1, year + 1) }
            }
        }
        return (year, month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        PageDate.daysIn(month: month, year: year)
    }
}
