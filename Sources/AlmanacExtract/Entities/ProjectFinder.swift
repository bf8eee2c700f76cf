import AlmanacModel
import AlmanacText

/// Projects as Chinese economic news names them: the words before `项目` (`岚江港物流园建设项目`),
/// when the sentence gives the project an investment (`总投资12亿元的…项目`, `…项目总投资5亿元`)
/// or a stage (`…项目开工`, `签约`, `投产`, `竣工`, `落地` …). The investment is read by
/// ``QuantityScanner`` (in 元), the place is a place named in the project's name or, failing that,
/// the first place of the sentence.
struct ProjectFinder {
    let analysis: TextAnalysis
    let grammar: EntityGrammar

    private static let project = "项目".scalarValues
    private static let invest = "投资".scalarValues
    /// Words that may stand between 项目 and its stage word.
    private static let fillers = ["正式", "顺利", "已经", "已", "将", "全面", "集中", "成功", "即将", "均已", "日前", "近日", "今天", "相继", "陆续", "已于", "于"]
        .map(\.scalarValues)
    /// Heads that make `…项目` a class of projects, not one project.
    private static let generic: Set<[UInt32]> = Set(
        ["重点", "该", "这个", "这些", "此", "本", "各", "各类", "一批", "新", "大", "在建", "签约", "招商", "产业", "建设", "投资",
         "合作", "重大", "新建", "续建", "开工", "民生", "工业", "基础设施", "亿元", "万元", "其他", "相关", "同类", "储备", "备案",
         "入库", "引进", "落地", "竣工", "投产", "省级", "市级", "县级", "国家级", "示范"]
            .map(\.scalarValues))

    func projects(near spans: [EntitySpan]) -> [EntitySpan] {
        let scalars = analysis.scalars
        var found: [EntitySpan] = []
        // The text's figures are read only as far as the last project's sentence: a project's
        // investment is a figure in its sentence, and the figures after it were a scan for nothing.
        let scanner = QuantityScanner()
        var quantities: [Quantity] = []
        var scanned = 0
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == Self.project[0], scalars[index + 1] == Self.project[1] else {
                index += 1
                continue
            }
            defer { index += 2 }
            let end = index + 2
            guard let start = nameStart(before: index), index - start >= 2 else { continue }
            let head = Array(scalars[start..<index])
            guard !Self.generic.contains(head) else { continue }
            let sentence = sentenceRange(around: index)
            let stage = stageWord(after: end, limit: sentence.upperBound)
            // Every figure starting in the sentence (its number at most `longestLead` after its start).
            scanner.scan(
                scalars, from: &scanned, before: sentence.upperBound + QuantityScanner.longestLead, into: &quantities)
            let investment = self.investment(for: start..<end, in: sentence, quantities: quantities)
            guard stage != nil || investment != nil else { continue }
            let inName = spans.first { $0.kind == .place && $0.range.lowerBound >= start && $0.range.upperBound <= end }
            let inSentence = spans.first { $0.kind == .place && sentence.contains($0.range.lowerBound) }
            let place = (inName ?? inSentence).map { String(scalarValues: analysis.scalars[$0.range]) }
            found.append(
                EntitySpan(
                    kind: .project, range: start..<end,
                    project: ProjectDetails(investment: investment, stage: stage, place: place)))
        }
        return found
    }

    /// Where the project's name starts: back over name-like words, numbers and measure words,
    /// stopping at punctuation, 的, verbs and function words; at most 30 scalars.
    private func nameStart(before end: Int) -> Int? {
        let words = analysis.words
        guard end > 0, analysis.wordOf[end - 1] >= 0 else { return nil }
        var w = Int(analysis.wordOf[end - 1])
        // A number or measure word right before 项目 counts projects (30个项目): no name.
        let lastTag = analysis.wordTags[w]
        if lastTag == grammar.measureTagCode || lastTag == grammar.numeralTagCode { return nil }
        var start = end
        while w >= 0 {
            let range = words[w]
            guard range.upperBound == start || (range.upperBound <= start && start - range.upperBound == 0) else { break }
            guard end - range.lowerBound <= 30 else { break }
            let first = analysis.scalars[range.lowerBound]
            let tag = analysis.wordTags[w]
            let isNumber = ScalarClass.isDigit(first) || tag == grammar.numeralTagCode || tag == grammar.measureTagCode
            let isText = ScalarClass.isHan(first) || ScalarClass.isLatin(first)
            guard isNumber || isText else { break }
            if range.count == 1 && grammar.headStops.contains(first) { break }
            if !isNumber, grammar.projectStopTags.contains(tag) { break }
            start = range.lowerBound
            w -= 1
        }
        // A name does not start with a number or measure word.
        while start < end, analysis.wordOf[start] >= 0 {
            let w = Int(analysis.wordOf[start])
            let tag = analysis.wordTags[w]
            let first = analysis.scalars[start]
            guard ScalarClass.isDigit(first) || tag == grammar.numeralTagCode || tag == grammar.measureTagCode else { break }
            start = analysis.words[w].upperBound
        }
        return start < end ? start : nil
    }

    private func sentenceRange(around index: Int) -> Range<Int> {
        let scalars = analysis.scalars
        var start = index
        while start > 0 && !Self.endsSentence(scalars[start - 1]) { start -= 1 }
        var end = index
        while end < scalars.count && !Self.endsSentence(scalars[end]) { end += 1 }
        return start..<end
    }

    private static func endsSentence(_ value: UInt32) -> Bool {
        value == 0x3002 || value == 0x21 || value == 0x3F || value == 0x3B || value == 0x0A || value == 0xFF01
            || value == 0xFF1F || value == 0xFF1B
    }

    /// The stage word after 项目 (past fillers such as 正式, 顺利), or `nil`.
    private func stageWord(after index: Int, limit: Int) -> String? {
        var cursor = index
        var skipped = true
        while skipped {
            skipped = false
            for filler in Self.fillers where matches(filler, at: cursor, limit: limit) {
                cursor += filler.count
                skipped = true
                break
            }
        }
        for stage in grammar.projectStages where matches(stage, at: cursor, limit: limit) {
            return String(scalarValues: stage)
        }
        return nil
    }

    /// The investment in 元 the sentence gives the project: an amount in 元 right after 投资, before the
    /// name (`总投资12亿元的`) or after it (`项目总投资5亿元`), nearest first.
    private func investment(for name: Range<Int>, in sentence: Range<Int>, quantities: [Quantity]) -> Double? {
        let candidates = quantities.filter { quantity in
            guard quantity.unit == "元", sentence.contains(quantity.start) else { return false }
            let window = max(sentence.lowerBound, quantity.start - 5)..<quantity.start
            return containsInvest(window)
        }
        let before = candidates.filter { $0.end <= name.lowerBound }.max { $0.start < $1.start }
        let after = candidates.filter { $0.start >= name.upperBound }.min { $0.start < $1.start }
        return (before ?? after)?.value
    }

    private func containsInvest(_ window: Range<Int>) -> Bool {
        guard window.count >= 2 else { return false }
        for i in window.lowerBound..<(window.upperBound - 1)
        where analysis.scalars[i] == Self.invest[0] && analysis.scalars[i + 1] == Self.invest[1] {
            return true
        }
        return false
    }

    private func matches(_ pattern: [UInt32], at index: Int, limit: Int) -> Bool {
        guard index + pattern.count <= limit else { return false }
        for (offset, value) in pattern.enumerated() where analysis.scalars[index + offset] != value { return false }
        return true
    }
}
