import AlmanacModel
import Testing

@testable import AlmanacLayout

/// Page furniture, jump lines, continued articles and byline forms of other papers (invented text).
struct PageEdgeTests {
    static let page = """
        2024年11月5日 星期二

        改造完成后将惠及沿线居民3万余人。项目计划明年底完工。

        青川江大桥开工建设

        ■本报记者 许可

        11月4日，青川江大桥正式开工。大桥全长2.6公里，设计为双向六车道。（下转第二版）

        大桥建成后，江两岸的通行时间将由40分钟缩短到10分钟，支持地方加快城市桥梁建设。

        责任编辑：江涛
        """

    let articles = PageLayout().articles(in: page)

    @Test func proseBeforeTheFirstHeadlineIsAContinuedArticle() {
        #expect(articles.count == 2)
        #expect(articles.first?.headline == "")
        #expect(articles.first?.body == "改造完成后将惠及沿线居民3万余人。项目计划明年底完工。")
    }

    @Test func furnitureAndJumpsAreDropped() throws {
        let a = try #require(articles.last)
        #expect(a.headline == "青川江大桥开工建设")
        #expect(a.bylines == ["许可"])
        #expect(a.paragraphs.count == 2)
        #expect(!a.body.contains("下转"))
        #expect(!a.body.contains("责任编辑"))
        #expect(!a.body.contains("星期"))
        #expect(a.body.hasSuffix("支持地方加快城市桥梁建设。"))
    }

    @Test(arguments: [("记者 许可 报道", ["许可"]), ("唐宁 整理", nil), ("本报记者 江涛 唐宁 报道", ["江涛", "唐宁"])])
    func bylineVerbs(line: String, names: [String]?) {
        #expect(CreditParser.byline(Array(line.unicodeScalars)[...])?.bylines == names)
    }

    @Test(arguments: [("（上接第一版）今年以来", "今年以来"), ("完成投资。（下转第3版）", "完成投资。"), ("（记者 唐宁）", "（记者 唐宁）")])
    func jumps(text: String, expected: String) {
        #expect(TextRepair.removingJumps(Array(text.unicodeScalars)).string == expected)
    }
}

struct SmallPageTests {
    @Test func oneMarkedHeadlineIsEnough() {
        let articles = PageLayout().articles(in: "# 青川江大桥合龙\n\n本报讯 记者唐宁报道 昨天，青川江大桥顺利合龙。\n")
        #expect(articles.map(\.headline) == ["青川江大桥合龙"])
        #expect(articles.first?.bylines == ["唐宁"])
    }

    @Test func namesInBracketsCloseAnArticle() {
        let page = "# 社区书屋开到家门口\n\n近日，青川市首批社区书屋集中开放。\n\n“现在下楼就能看书。”居民说。（许可 唐宁）\n"
        let a = PageLayout().articles(in: page).first
        #expect(a?.bylines == ["许可", "唐宁"])
        #expect(a?.body.hasSuffix("居民说。") == true)
    }
}

struct LabelFormTests {
    @Test func unmarkedLabelAboveAMarkedHeadline() {
        let page = "要闻速览\n\n# 青川江大桥合龙\n\n本报讯 昨天，青川江大桥顺利合龙。\n\n# 秋粮喜获丰收\n\n本报讯 全市秋粮收获进入尾声。\n"
        let articles = PageLayout().articles(in: page)
        #expect(articles.map(\.headline) == ["青川江大桥合龙", "秋粮喜获丰收"])
        #expect(articles.map(\.section) == ["要闻速览", "要闻速览"])
        #expect(articles.allSatisfy { $0.captions.isEmpty })
    }

    @Test(arguments: [("城事速递 Chengshi", "城事速递"), ("■ 乡村振兴进行时", "乡村振兴进行时"), ("青川 5G 网络", nil)])
    func labelForms(text: String, label: String?) {
        let reader = LineReader()
        let line = reader.lines(of: text)[0]
        #expect(PageLine.label(line) == label)
    }
}

struct RepeatedArticleTests {
    @Test func anArticlePrintedTwiceIsKeptOnce() {
        let article = "# 青川江大桥合龙\n\n本报讯 昨天，青川江大桥顺利合龙，大桥全长2.6公里。\n\n大桥建成后，两岸通行时间将缩短到10分钟。\n\n"
        let articles = PageLayout().articles(in: article + article)
        #expect(articles.map(\.headline) == ["青川江大桥合龙"])
    }

    @Test func headlinePrintedAgainAsTextIsDropped() {
        let page = "# 青川江大桥合龙\n\n青川江大桥合龙\n\n本报讯 记者唐宁报道 昨天，青川江大桥顺利合龙。\n"
        let a = PageLayout().articles(in: page).first
        #expect(a?.body == "昨天，青川江大桥顺利合龙。")
        #expect(a?.bylines == ["唐宁"])
    }
}

struct MixedMarkupTests {
    @Test func unmarkedHeadlineAboveADatelineOnAMarkedPage() {
        let page = """
            # 青川江大桥合龙

            本报讯 昨天，青川江大桥顺利合龙。

            秋粮喜获丰收

            本报讯 记者唐宁报道 全市秋粮收获进入尾声。
            """
        let articles = PageLayout().articles(in: page)
        #expect(articles.map(\.headline) == ["青川江大桥合龙", "秋粮喜获丰收"])
        #expect(articles.last?.bylines == ["唐宁"])
    }
}

struct UnmarkedDeckTests {
    @Test func unmarkedFigureLineUnderAMarkedHeadlineIsItsSubheadline() {
        let page = "# 青川经济稳中有进\n\n前三季度地区生产总值增长6.2%\n\n本报讯 记者唐宁报道 前三季度，青川经济运行稳中有进。\n"
        let a = PageLayout().articles(in: page).first
        #expect(a?.subheadline == "前三季度地区生产总值增长6.2%")
        #expect(a?.body == "前三季度，青川经济运行稳中有进。")
        #expect(a?.bylines == ["唐宁"])
    }
}
