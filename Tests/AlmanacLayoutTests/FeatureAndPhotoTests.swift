import AlmanacModel
import Testing

@testable import AlmanacLayout

/// A bare page (no markup, no picture gaps) with full-width punctuation: a feature with a top
/// credit line, a lead label and unmarked two-part subheads; a picture story whose extra captions
/// follow its credit; a bracketed dateline and bracketed picture credit.
struct BareFeatureAndPhotoTests {
    static let page = """
        山城夜色新

        ——青川市发展夜间经济纪实

        唐 宁 本报记者 许可 文并摄

        编者按

        夜幕降临，青川老城的灯光次第亮起，街巷里人声鼎沸。

        青川市把夜间经济作为扩内需、促消费的重要抓手，今年以来新增夜间消费场所120余处。

        点亮夜市 激活新消费

        滨河夜市今年扩建后，摊位增加到300个，每晚客流超过2万人次。

        夜市管理办公室负责人说，下一步将推出更多特色美食和文创产品。

        镜头 JINGTOU

        晨练的市民在江边打太极拳。

        江畔晨光

        清晨，青川江畔薄雾轻笼，晨练的市民沿着步道慢跑、打拳，一派生机。

        本报记者 江涛 摄

        垂钓爱好者在江边静候鱼儿上钩。

        青川新建社区食堂28家

        本报讯（记者 周明远 通讯员 孙 悦）今年以来，青川市新建社区食堂28家，为老年人提供平价餐食。

        社区食堂实行老年人用餐补贴，每餐最高补贴5元。
        """

    let articles = PageLayout().articles(in: page)

    @Test func findsTheArticles() {
        #expect(articles.map(\.headline) == ["山城夜色新", "江畔晨光", "青川新建社区食堂28家"])
    }

    @Test func featureFromCreditLineLeadLabelAndSubheads() throws {
        let a = try #require(articles.first)
        #expect(a.kind == .feature)
        #expect(a.subheadline == "——青川市发展夜间经济纪实")
        #expect(a.bylines == ["唐宁", "许可"])
        #expect(a.photographers == ["唐宁", "许可"])
        #expect(a.body.hasPrefix("夜幕降临"))
        #expect(a.paragraphs.contains("点亮夜市 激活新消费"))
        #expect(a.body.contains("点亮夜市 激活新消费\n滨河夜市"))
    }

    @Test func pictureStoryTakesTheCaptionsAroundIt() throws {
        let a = try #require(articles.dropFirst().first)
        #expect(a.kind == .photo)
        #expect(a.section == "镜头")
        #expect(a.captions == ["晨练的市民在江边打太极拳。", "垂钓爱好者在江边静候鱼儿上钩。"])
        #expect(a.photographers == ["江涛"])
        #expect(a.body == "清晨，青川江畔薄雾轻笼，晨练的市民沿着步道慢跑、打拳，一派生机。")
    }

    @Test func bracketedDatelineWithPaddedNames() throws {
        let a = try #require(articles.last)
        #expect(a.bylines == ["周明远", "孙悦"])
        #expect(a.body.hasPrefix("今年以来，青川市新建社区食堂28家"))
        #expect(a.section == "")
    }
}
