import Testing

@testable import AlmanacLayout

struct RepeatFilterTests {
    private func s(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func wholeRepeatedParagraphIsDropped() {
        var f = RepeatFilter()
        let p = s("青川市今年新建公园12个。市民休闲有了更多好去处。")
        #expect(f.filter(p) != nil)
        #expect(f.filter(p) == nil)
    }

    @Test func repeatStartingMidWordIsDropped() {
        var f = RepeatFilter()
        _ = f.filter(s("下一步,青川市将推进老旧管网改造,全面提升供水保障能力。力争三年内完成全部改造任务。"))
        #expect(f.filter(s("市将推进老旧管网改造,全面提升供水保障能力。力争三年内完成全部改造任务。")) == nil)
    }

    @Test func repeatedSentenceInsideANewParagraphIsRemovedTheRestKept() {
        var f = RepeatFilter()
        _ = f.filter(s("园区已签约落地项目28个,总投资46亿元。"))
        let out = f.filter(s("园区已签约落地项目28个,总投资46亿元。其中,外资项目5个。"))
        #expect(out?.string == "其中,外资项目5个。")
    }

    @Test func sharedPhrasesAreNoRepeat() {
        var f = RepeatFilter()
        _ = f.filter(s("全市新增养老床位400张,社区食堂120家。"))
        let p = s("三年来,累计新增养老床位400张,社区食堂120家,为老年人就近养老提供便利。")
        #expect(f.filter(p) == p)
    }

    @Test func shortCoincidencesStay() {
        var f = RepeatFilter()
        _ = f.filter(s("他说。"))
        #expect(f.filter(s("他说。")) != nil)
    }
}

struct TextRepairTests {
    @Test(arguments: [
        ("线上平台 and 线下门店", "线上平台和线下门店"),
        ("线上 or 线下", "线上或线下"),
        ("推进5G and AI应用", "推进5G and AI应用"),
        ("brand and 品牌", "brand and 品牌"),
        ("Android系统", "Android系统"),
    ])
    func strayLatin(input: String, expected: String) {
        #expect(TextRepair.replacingStrayLatin(Array(input.unicodeScalars)).string == expected)
    }

    @Test(arguments: [("本本报记者 江涛", "本报记者 江涛"), ("记记者江涛", "记者江涛"), ("笔记本", "笔记本")])
    func doubledStockPhrases(input: String, expected: String) {
        #expect(LineReader.collapsingDoubledStock(Array(input.unicodeScalars)).string == expected)
    }
}

struct HeadlineSplitterTests {
    @Test(arguments: [
        ("青川围绕“三链融合”推进项目落地 前三季度签约额达86亿元", "青川围绕“三链融合”推进项目落地", "前三季度签约额达86亿元"),
        ("新建项目42个 投资超百亿元项目3个 青川以项目建设推动产业升级", "青川以项目建设推动产业升级", "新建项目42个 投资超百亿元项目3个"),
        ("修路架桥 让山村出行更便捷", "修路架桥 让山村出行更便捷", ""),
        ("36家企业 获评省级绿色工厂", "36家企业 获评省级绿色工厂", ""),
    ])
    func splits(line: String, headline: String, subheadline: String) {
        let r = HeadlineSplitter.split(Array(line.unicodeScalars))
        #expect(r.headline.string == headline)
        #expect(r.subheadline.string == subheadline)
    }
}

struct LineFeatureTests {
    private func line(_ text: String) -> Line {
        Line(text: Array(text.unicodeScalars), level: 0, gapBefore: 1, bulleted: false)
    }

    @Test(arguments: [
        ("项目建设跑出加速度", true), ("“小小讲解员”上岗", true), ("全市完成投资80亿元。", false),
        ("园区负责人介绍,新投产的生产线,经过", false), ("今年以来,", false),
    ])
    func titleShape(text: String, titleLike: Bool) {
        #expect(line(text).isTitleLike == titleLike)
    }

    @Test(arguments: [
        ("完成投资80亿元。", true), ("完成投资80亿元.", true), ("他说:“好。”", true), ("“双减”", false),
        ("增长6.5", false), ("增长了", false), ("真好！", true), ("真好!", true),
    ])
    func sentenceEnds(text: String, ends: Bool) {
        #expect(line(text).endsSentence == ends)
    }

    @Test(arguments: [("城事速递 CHENGSHI", "城事速递"), ("JINGTOU 镜头", "镜头"), ("青川GDP增长", nil), ("推进5G", nil)])
    func sectionLabels(text: String, label: String?) {
        #expect(PageLine.label(line(text)) == label)
    }

    @Test(arguments: ["责任编辑：唐宁", "2024年11月5日 星期二", "第3版", "编辑:许可  校对:江涛"])
    func pageFurniture(text: String) {
        #expect(PageLine.isFurniture(line(text)))
    }
}
