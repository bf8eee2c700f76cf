import Testing

@testable import AlmanacLayout

struct CreditParserTests {
    private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test(arguments: [
        ("本报记者 林晓帆 摄", [], ["林晓帆"]),
        ("孙一鸣 摄", [], ["孙一鸣"]),
        ("本报记者林晓帆摄", [], ["林晓帆"]),
        ("（本报记者 林晓帆 摄）", [], ["林晓帆"]),
        ("青川市文旅局供图", [], ["青川市文旅局"]),
        ("许 可 本报记者 江涛 文并摄", ["许可", "江涛"], ["许可", "江涛"]),
        ("文/周明远 图/唐宁", ["周明远"], ["唐宁"]),
        ("摄影：欧 阳 明", [], ["欧阳明"]),
        ("新华社记者 林晓帆 摄", [], ["林晓帆"]),
    ])
    func pictureCredits(line: String, bylines: [String], photographers: [String]) throws {
        let credit = try #require(CreditParser.line(s(line)[...]))
        #expect(credit.bylines == bylines)
        #expect(credit.photographers == photographers)
    }

    @Test(arguments: [
        ("周明远 本报记者 林晓帆", ["周明远", "林晓帆"]),
        ("本报记者 江 涛", ["江涛"]),
        ("通讯员 唐宁 记者 许可", ["唐宁", "许可"]),
    ])
    func bylines(line: String, names: [String]) throws {
        let credit = try #require(CreditParser.line(s(line)[...]))
        #expect(credit.bylines == names)
        #expect(credit.photographers.isEmpty)
    }

    @Test(arguments: ["青川开通首条夜间公交线路", "记者节里话初心", "他告诉记者", "全市共有记者120名。"])
    func ordinaryLinesAreNoCredits(line: String) {
        #expect(CreditParser.line(s(line)[...]) == nil)
    }

    @Test func creditGluedToACaptionIsSplitOff() throws {
        let tail = try #require(CreditParser.tail(of: s("技术人员调试生产设备。 本报记者 林晓帆 摄")))
        #expect(tail.head.string == "技术人员调试生产设备。")
        #expect(tail.credit.photographers == ["林晓帆"])
    }

    @Test func bylineGluedToAParagraphIsSplitOff() throws {
        let tail = try #require(CreditParser.tail(of: s("力争年底前再引进项目10个。周明远 本报记者 林晓帆")))
        #expect(tail.head.string == "力争年底前再引进项目10个。")
        #expect(tail.credit.bylines == ["周明远", "林晓帆"])
    }

    @Test(arguments: [
        ("本报讯 记者江涛报道 近日,青川市…", ["江涛"], "近日"),
        ("本报讯 记者周明远 唐宁报道 近日", ["周明远", "唐宁"], "近日"),
        ("本报讯（记者 林晓帆 通讯员 许可）近日", ["林晓帆", "许可"], "近日"),
        ("本报青川11月3日讯 记者江涛报道 近日", ["江涛"], "近日"),
        ("本报讯 今年以来", [], "今年以来"),
        ("本报讯 记者 唐宁 日前，青川市", ["唐宁"], "日前"),
        ("新华社北京3月5日电（记者 许可）今天", ["许可"], "今天"),
        ("据新华社北京3月5日电（记者 许可）今天", ["许可"], "今天"),
    ])
    func datelines(text: String, names: [String], proseStart: String) throws {
        let t = s(text)
        let d = try #require(CreditParser.dateline(t))
        #expect(d.names == names)
        #expect(Array(t[d.proseStart...]).string.hasPrefix(proseStart))
    }

    @Test func prosePassesAsNoDateline() {
        #expect(CreditParser.dateline(s("本报记者从市统计局获悉,今年以来…")) == nil)
    }
}
