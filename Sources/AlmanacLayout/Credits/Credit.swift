/// What a byline or picture-credit line says: who wrote, who took the pictures.
struct Credit: Sendable, Equatable {
    var bylines: [String] = []
    var photographers: [String] = []
    /// A credit ending in 撰: a picture credit next to a caption or photo story, else a writer's.
    var ambiguous = false

    /// Whether the credit names anyone for the pictures.
    var isPicture: Bool { !photographers.isEmpty }
}

/// Reads bylines (赵刚 本报记者 林晓), picture credits (本报记者 林晓 摄, 岚江海关供图, 文/甲 图/乙)
/// and datelines (本报讯 记者林晓报道), whole lines or glued to the end of a paragraph.
enum CreditParser {
    private static let suppliedPicture: [Unicode.Scalar] = Array("供图".unicodeScalars)
    private static let verbs: [(verb: [Unicode.Scalar], byline: Bool, photo: Bool, ambiguous: Bool)] = [
        (Array("文并摄".unicodeScalars), true, true, false),
        (Array("文/图".unicodeScalars), true, true, false),
        (Array("图文".unicodeScalars), true, true, false),
        (Array("摄影".unicodeScalars), false, true, false),
        (Array("摄".unicodeScalars), false, true, false),
        (Array("撰".unicodeScalars), false, true, true),
    ]

    private static let bylineVerbs: [[Unicode.Scalar]] = ["报道", "整理", "采写", "撰文"].map { Array($0.unicodeScalars) }

    /// A whole line that is a byline or a picture credit, bare or in brackets (（本报记者 林晓 摄）).
    static func line(_ text: ArraySlice<Unicode.Scalar>) -> Credit? {
        let inner = unbracketed(text)
        return picture(inner) ?? byline(inner) ?? bracketedNames(text, inner: inner)
    }

    /// Names alone in brackets closing an article — （许可）, （甲 乙）— credit its writers.
    private static func bracketedNames(_ text: ArraySlice<Unicode.Scalar>, inner: ArraySlice<Unicode.Scalar>)
        -> Credit?
    {
        guard inner.count < text.count, inner.visibleCount <= 16,
            let names = Names.parse(inner, requireRole: false), !names.isEmpty
        else { return nil }
        return Credit(bylines: names)
    }

    /// The text inside one pair of round brackets around the whole, else the text.
    static func unbracketed(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        let t = Array(text).trimmed()
        guard t.count >= 3, let first = t.first, let last = t.last,
            first == "(" || first == "（", last == ")" || last == "）"
        else { return text }
        let inner = t[1..<(t.count - 1)]
        guard !inner.contains(where: { $0 == "(" || $0 == "（" || $0 == ")" || $0 == "）" }) else { return text }
        return inner
    }

    /// A byline: names around at least one role word (本报记者, 记者, 通讯员 …), or `文/名字`.
    static func byline(_ text: ArraySlice<Unicode.Scalar>) -> Credit? {
        guard text.visibleCount <= 30 else { return nil }
        if let slashed = slashCredit(text) { return slashed }
        var t = Array(text).trimmed()
        // 记者 某某 报道 / 某某 整理: the verb after the names.
        for verb in bylineVerbs where t.count > verb.count && t.hasSuffix(verb) {
            t = Array(t.dropLast(verb.count)).trimmed()
            break
        }
        guard let names = Names.parse(t[...], requireRole: true), !names.isEmpty else { return nil }
        return Credit(bylines: names)
    }

    /// A picture credit: `… 摄`, `… 文并摄`, `… 撰`, `单位供图`, `图/名字`.
    static func picture(_ text: ArraySlice<Unicode.Scalar>) -> Credit? {
        let t = Array(text).trimmed()
        guard t.count >= 2, t.visibleCount <= 40 else { return nil }
        if t.hasSuffix(suppliedPicture) {
            var prefix = Array(t.dropLast(2)).trimmed()
            if prefix.last == "/" || prefix.last == "／" { prefix.removeLast() }
            prefix = prefix.trimmed()
            guard !prefix.isEmpty else { return nil }
            if let names = Names.parse(prefix[...], requireRole: false), !names.isEmpty {
                return Credit(photographers: names)
            }
            let institution = prefix.withoutSpaces()
            if institution.count <= 20, institution.allSatisfy(Scalars.isHan) {
                return Credit(photographers: [institution.string])
            }
            return nil
        }
        for entry in verbs where t.hasSuffix(entry.verb) {
            var prefix = Array(t.dropLast(entry.verb.count)).trimmed()
            if prefix.last == "/" || prefix.last == "／" { prefix = Array(prefix.dropLast()).trimmed() }
            guard !prefix.isEmpty, let names = Names.parse(prefix[...], requireRole: false), !names.isEmpty else {
                continue
            }
            return Credit(
                bylines: entry.byline ? names : [], photographers: entry.photo ? names : [], ambiguous: entry.ambiguous)
        }
        return slashCredit(text).flatMap { $0.isPicture ? $0 : nil }
    }

    private static let slashRoles: [(marker: [Unicode.Scalar], byline: Bool, photo: Bool)] = [
        (Array("图文".unicodeScalars), true, true), (Array("文图".unicodeScalars), true, true),
        (Array("摄影".unicodeScalars), false, true), (Array("文".unicodeScalars), true, false),
        (Array("图".unicodeScalars), false, true), (Array("摄".unicodeScalars), false, true),
    ]

    private static func isRoleSeparator(_ s: Unicode.Scalar) -> Bool {
        s == "/" || s == "／" || s == "：" || s == ":"
    }

    /// `文/甲 图/乙`, `摄影：丙`: a role marker, a slash or colon, names.
    private static func slashCredit(_ text: ArraySlice<Unicode.Scalar>) -> Credit? {
        // Most text holds no separator: look before copying.
        guard text.contains(where: isRoleSeparator) else { return nil }
        let t = Array(text).trimmed()
        var credit = Credit()
        var role: (byline: Bool, photo: Bool)?
        var i = 0
        var pending: [Unicode.Scalar] = []
        func flush() -> Bool {
            let chunk = pending.trimmed()
            pending.removeAll()
            guard !chunk.isEmpty else { return true }
            guard let role, let names = Names.parse(chunk[...], requireRole: false) else { return false }
            if role.byline { Names.add(names, to: &credit.bylines) }
            if role.photo { Names.add(names, to: &credit.photographers) }
            return true
        }
        while i < t.count {
            var matched = false
            if i == 0 || Scalars.isSpace(t[i - 1]) {
                for entry in slashRoles {
                    let end = i + entry.marker.count
                    if end < t.count, t[i..<end].elementsEqual(entry.marker), Self.isRoleSeparator(t[end]) {
                        guard flush() else { return nil }
                        role = (entry.byline, entry.photo)
                        i = end + 1
                        matched = true
                        break
                    }
                }
            }
            if !matched {
                pending.append(t[i])
                i += 1
            }
        }
        guard flush(), role != nil, !(credit.bylines.isEmpty && credit.photographers.isEmpty) else { return nil }
        return credit
    }

    /// A byline or credit glued to the end of a paragraph or caption, split off.
    ///
    /// Returns the text before it and the credit; the longest tail that reads as a credit wins.
    static func tail(of text: [Unicode.Scalar]) -> (head: [Unicode.Scalar], credit: Credit)? {
        let n = text.count
        guard n >= 4 else { return nil }
        // The head needs two visible scalars: it must reach past the second one.
        var shortestHead = n
        var visible = 0
        for i in 0..<n where !Scalars.isSpace(text[i]) {
            visible += 1
            if visible == 2 {
                shortestHead = i + 1
                break
            }
        }
        let start = max(1, n - 40, shortestHead)
        // The head is read in place and copied only for the credit found.
        for p in start..<max(start, n - 1) {
            let before = text[p - 1]
            let cut =
                Scalars.isSpace(before) || Scalars.isSentenceEnd(before) || text[p] == "(" || text[p] == "（"
                || (Scalars.isCloser(before) && p >= 2 && Scalars.isSentenceEnd(text[p - 2]))
            guard cut, !Scalars.isSpace(text[p]) else { continue }
            let rest = unbracketed(text[p...])
            if let credit = picture(rest) { return (Array(text[..<p]).trimmed(), credit) }
            if text[..<p].endsSentence, let credit = byline(rest) ?? bracketedNames(text[p...], inner: rest) {
                return (Array(text[..<p]).trimmed(), credit)
            }
        }
        return nil
    }

    // MARK: - Datelines

    private static let ownNews: [Unicode.Scalar] = Array("本报".unicodeScalars)
    private static let agencies: [[Unicode.Scalar]] = ["新华社", "中新社", "中新网", "人民网", "央视网", "新华网"].map {
        Array($0.unicodeScalars)
    }
    private static let reported: [Unicode.Scalar] = Array("报道".unicodeScalars)

    /// A dateline opening a paragraph (本报讯, 本报岚江8月30日讯, 新华社北京3月5日电), with the reporters
    /// it names (记者林晓报道, （记者 甲 乙）). Returns the names and where the prose begins.
    static func dateline(_ text: [Unicode.Scalar]) -> (names: [String], proseStart: Int)? {
        var i: Int
        if text.hasPrefix(ownNews) {
            guard let end = firstIndex(of: "讯", in: text, from: 2, within: 16) else { return nil }
            i = end + 1
        } else if let agency = agencies.first(where: {
            text.hasPrefix($0) || (text.first == "据" && text.dropFirst().starts(with: $0))
        }) {
            let from = agency.count + (text.first == "据" ? 1 : 0)
            guard let end = firstIndex(of: "电", in: text, from: from, within: 24) else { return nil }
            i = end + 1
        } else {
            return nil
        }
        var names: [String] = []
        while i < text.count, Scalars.isSpace(text[i]) || text[i] == ":" || text[i] == "：" { i += 1 }
        if i < text.count, text[i] == "(" || text[i] == "（" {
            var j = i + 1
            while j < text.count, j - i <= 40, text[j] != ")" && text[j] != "）" { j += 1 }
            if j < text.count, j - i <= 40, let found = Names.parse(text[(i + 1)..<j], requireRole: false) {
                names = found
                i = j + 1
            }
        } else {
            // 记者林晓报道 / 通讯员甲 记者乙报道
            let limit = min(text.count - 1, i + 36)
            var j = i
            while j < limit {
                if text[j] == reported[0] && text[j + 1] == reported[1] {
                    if let found = Names.parse(text[i..<j], requireRole: true) {
                        names = found
                        i = j + 2
                    }
                    break
                }
                if Scalars.isSentenceEnd(text[j]) || Scalars.isComma(text[j]) { break }
                j += 1
            }
            if names.isEmpty, let (found, end) = leadingByline(text, from: i) {
                names = found
                i = end
            }
        }
        while i < text.count, Scalars.isSpace(text[i]) || text[i] == ":" || text[i] == "：" { i += 1 }
        return (names, i)
    }

    /// Role-and-name tokens right after a dateline without 报道 (本报讯 记者 甲 乙 正文…): the longest run of
    /// up to four space-separated tokens that reads as a byline and ends at a space.
    private static func leadingByline(_ text: [Unicode.Scalar], from start: Int) -> ([String], Int)? {
        var ends: [Int] = []
        var j = start
        while j < text.count, ends.count < 4, j - start <= 30 {
            if Scalars.isSpace(text[j]), j > start, !Scalars.isSpace(text[j - 1]) { ends.append(j) }
            j += 1
        }
        for end in ends.reversed() {
            if let names = Names.parse(text[start..<end], requireRole: true), !names.isEmpty { return (names, end) }
        }
        return nil
    }

    /// The first index of `mark` at or after `from` and within `within` scalars, crossing no punctuation.
    private static func firstIndex(of mark: Unicode.Scalar, in text: [Unicode.Scalar], from: Int, within: Int)
        -> Int?
    {
        var j = from
        while j < text.count, j - from <= within {
            if text[j] == mark { return j }
            if Scalars.isSentenceEnd(text[j]) || Scalars.isComma(text[j]) { return nil }
            j += 1
        }
        return nil
    }
}
