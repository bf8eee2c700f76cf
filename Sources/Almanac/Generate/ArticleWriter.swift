/// Writes one invented article as a regional daily prints it, damage included: the headline (with or
/// without `#`), a dateline and byline, paragraphs full of figures and names, and what extraction
/// does to a printed page — a caption and its credit dropped into the middle of a sentence, a
/// paragraph cut by a column break, paragraphs printed twice, doubled tokens, stray Latin.
struct ArticleWriter {
    /// Whether headlines and datelines carry the Markdown-like marks some extractions keep.
    var marked: Bool
    /// The article's size in UTF-8 bytes, roughly.
    var targetBytes: Int

    /// The article's text on the page and its headline.
    func write(using random: inout SeededGenerator) -> (text: String, headline: String) {
        let place = Self.place(&random)
        let headline = fill(random.pick(WordPools.headlines), place: place, &random)
        var lines: [String] = []
        lines.append(marked ? "# " + headline : headline)
        if random.chance(0.5) {
            let indicator = random.pick(WordPools.indicators).name
            let subheadline = "\(random.pick(WordPools.periods))，\(place)\(indicator)同比增长\(Self.decimal(random.int(5...320), &random))%"
            lines.append(marked ? "## " + subheadline : subheadline)
        }
        var paragraphs: [String] = []
        var size = 0
        while size < targetBytes || paragraphs.count < 2 {
            let paragraph = self.paragraph(place: place, &random)
            paragraphs.append(paragraph)
            size += paragraph.utf8.count
        }
        paragraphs[0] = dateline(&random) + paragraphs[0]
        if random.chance(0.25), paragraphs.count > 2 {
            // The last paragraphs printed again, as a page sometimes repeats a block.
            paragraphs += paragraphs.suffix(random.int(1...2))
        }
        let byline = endByline(&random)
        if random.chance(0.5) {
            paragraphs[paragraphs.count - 1] += byline
        } else {
            paragraphs.append(byline.trimmingPrefix(" ").description)
        }
        var body: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            body.append(damaged(paragraph, isFirst: index == 0, place: place, &random))
        }
        lines.append(body.joined(separator: "\n\n"))
        return (lines.joined(separator: "\n\n"), headline)
    }

    // MARK: - Parts

    func paragraph(place: String, _ random: inout SeededGenerator) -> String {
        var sentences: [String] = []
        for _ in 0..<random.int(2...4) {
            sentences.append(
                random.chance(0.55)
                    ? figureSentence(place: place, &random)
                    : fill(random.pick(WordPools.plainSentences), place: place, &random))
        }
        return sentences.joined()
    }

    /// A sentence reporting a figure: a growth rate, an amount of money, a count, over a period.
    func figureSentence(place: String, _ random: inout SeededGenerator) -> String {
        let period = random.pick(WordPools.periods)
        let growth = Self.decimal(random.int(5...320), &random)
        switch random.int(0...4) {
        case 0:
            let indicator = random.pick(WordPools.indicators)
            let value = Self.decimal(random.int(indicator.range) * 10 + random.int(0...9), &random)
            return "\(period)，\(place)\(indicator.name)\(value)\(indicator.unit)，同比增长\(growth)%。"
        case 1:
            let money = Self.decimal(random.int(10...990), &random)
            let tons = random.int(1...60)
            return "总投资\(money)亿元的\(Self.organisation(&random))年产\(tons)万吨\(random.pick(WordPools.products))项目"
                + "\(random.pick(WordPools.stages))，预计\(random.int(2024...2027))年\(random.int(1...12))月投产。"
        case 2:
            return "\(period)，全市新开工亿元以上项目\(random.int(8...90))个，完成投资\(Self.decimal(random.int(100...990), &random))亿元。"
        case 3:
            return "据\(random.pick(WordPools.bureaus))数据，\(period)\(place)新增就业岗位\(random.int(200...9000))个，"
                + "比去年同期增加\(random.int(20...900))个。"
        default:
            let work = random.pick(WordPools.works)
            return "总投资\(random.int(2...60))亿元的\(place)\(work)\(random.pick(WordPools.stages))，"
                + "工期\(random.int(12...36))个月。"
        }
    }

    func dateline(_ random: inout SeededGenerator) -> String {
        let reporter = Self.person(&random)
        switch random.int(0...2) {
        case 0: return (marked ? "**本报讯** " : "本报讯 ") + "记者\(reporter)报道 "
        case 1: return "本报讯（记者 \(reporter)）"
        default: return marked ? "**本报讯** " : "本报讯 "
        }
    }

    func endByline(_ random: inout SeededGenerator) -> String {
        random.chance(0.5)
            ? " \(Self.person(&random)) 本报记者 \(Self.person(&random))" : " 本报记者 \(Self.person(&random))"
    }

    /// `paragraph` as extraction leaves it: perhaps cut by a column break or by a photo caption and its
    /// credit, perhaps with a doubled token or a stray Latin word.
    func damaged(_ paragraph: String, isFirst: Bool, place: String, _ random: inout SeededGenerator) -> String {
        var text = paragraph
        if random.chance(0.08), let range = text.range(of: "和") {
            text.replaceSubrange(range, with: " and ")
        }
        let characters = Array(text)
        guard characters.count > 40, !isFirst || random.chance(0.3) else { return text }
        let cut = random.int(characters.count / 3...characters.count * 2 / 3)
        guard characters[cut - 1].isLetter || characters[cut - 1].isNumber else { return text }
        let head = String(characters[..<cut])
        let tail = String(characters[cut...])
        if random.chance(0.15) {
            let credit = random.chance(0.2) ? "本本报记者" : "本报记者"
            let caption = fill(random.pick(WordPools.captions), place: place, &random)
            return head + "\n\n\n\n" + caption + "。" + credit + " " + Self.person(&random) + " 摄\n\n" + tail
        }
        if random.chance(0.12) {
            return head + "\n\n" + tail
        }
        return text
    }

    // MARK: - Names

    func fill(_ pattern: String, place: String, _ random: inout SeededGenerator) -> String {
        var text = pattern.replacingOccurrences(of: "{P}", with: place)
        while let range = text.range(of: "{I}") {
            text.replaceSubrange(range, with: random.pick(WordPools.indicators).name)
        }
        while let range = text.range(of: "{O}") { text.replaceSubrange(range, with: Self.organisation(&random)) }
        while let range = text.range(of: "{N}") { text.replaceSubrange(range, with: Self.person(&random)) }
        while let range = text.range(of: "{T}") { text.replaceSubrange(range, with: random.pick(WordPools.titles)) }
        while let range = text.range(of: "{X}") { text.replaceSubrange(range, with: random.pick(WordPools.products)) }
        while let range = text.range(of: "{W}") { text.replaceSubrange(range, with: random.pick(WordPools.works)) }
        while let range = text.range(of: "{B}") { text.replaceSubrange(range, with: random.pick(WordPools.bureaus)) }
        return text
    }

    static func place(_ random: inout SeededGenerator) -> String {
        switch random.int(0...5) {
        case 0, 1: return WordPools.city
        case 2, 3: return random.pick(WordPools.districts)
        case 4: return random.pick(WordPools.towns)
        default: return random.pick(WordPools.districts) + random.pick(WordPools.towns)
        }
    }

    static func organisation(_ random: inout SeededGenerator) -> String {
        "岚江" + random.pick(WordPools.brands) + random.pick(WordPools.trades) + random.pick(WordPools.forms)
    }

    static func person(_ random: inout SeededGenerator) -> String {
        random.pick(WordPools.surnames) + random.pick(WordPools.givenNames)
    }

    /// `tenths` / 10 written as a paper does: `21.4`, or `21` when the tenth is zero or by chance.
    static func decimal(_ tenths: Int, _ random: inout SeededGenerator) -> String {
        tenths % 10 == 0 || random.chance(0.2) ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
