/// The small closed word lists the entity grammar is made of: how Chinese news writes the end of an
/// organisation's name, the end of a place's name, the titles that stand before a person's name,
/// the family names, and the stages a project goes through.
///
/// These are grammar, not names: none of them names a particular organisation, place or person.
enum EntityWords {
    /// Words an organisation's name ends with, longest first where one ends another.
    static let organizationSuffixes: [String] = [
        "股份有限公司", "有限责任公司", "有限公司", "股份公司", "总公司", "分公司", "公司", "集团", "银行", "支行",
        "分行", "信用社", "合作社", "委员会", "管委会", "常委会", "人大常委会", "政府", "人民政府", "办公室", "办事处",
        "管理局", "监督局", "统计局", "税务局", "公安局", "局", "厅", "部", "署", "委", "协会", "学会", "商会", "联合会",
        "基金会", "促进会", "研究会", "工会", "大学", "学院", "中学", "小学", "学校", "医院", "卫生院", "中心", "研究院",
        "研究所", "设计院", "科学院", "法院", "检察院", "党校", "电视台", "报社", "出版社", "通讯社", "剧团", "乐团",
        "俱乐部", "队", "厂", "矿", "所", "站", "馆", "社", "院", "党委", "支部", "总工会", "联社", "事务所", "工作室",
        "交易所", "保险", "证券", "海关", "军区", "舰队", "组织", "联盟", "同盟", "议会", "国会", "内阁",
    ]

    /// Suffixes after which a run of name-like words is an organisation's name.
    static let companySuffixes: [String] = [
        "股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团", "合作社", "协会", "商会", "联合会", "研究院",
        "研究所", "银行", "信用社", "委员会", "管委会", "大学", "学院", "医院", "促进会", "基金会",
    ]

    /// Words a place's name ends with.
    static let placeSuffixes: [String] = [
        "省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "园区", "开发区", "工业园", "新区", "自治州", "自治县",
        "自治区", "旗", "盟", "屯", "庄", "湾", "港", "岛", "山", "河", "江", "湖", "海", "峡", "州", "洲", "路", "街",
        "产业园", "高新区", "保税区", "经济区", "示范区",
    ]

    /// The grammar of named places below the county: a name of two or three characters and one of these.
    static let localPlaceSuffixes: [String] = [
        "街道", "社区", "园区", "开发区", "工业园", "产业园", "高新区", "新区", "镇", "乡", "村",
    ]

    /// Titles and roles printed before a person's name (`记者崔某`, `市长王某某`).
    static let personRoles: [String] = [
        "记者", "通讯员", "实习生", "摄影", "书记", "副书记", "市长", "副市长", "县长", "副县长", "区长", "副区长",
        "省长", "副省长", "镇长", "乡长", "村长", "主任", "副主任", "主席", "副主席", "董事长", "副董事长", "总经理",
        "副总经理", "经理", "总裁", "院长", "校长", "局长", "副局长", "厅长", "部长", "处长", "科长", "所长", "站长",
        "总理", "副总理", "总统", "大使", "委员", "代表", "教授", "博士", "医生", "老师", "主编", "编辑", "厂长",
        "队长", "行长", "会长", "秘书长", "总工程师", "工程师", "负责人", "创始人",
        "村民", "居民", "市民", "农民", "职工", "员工", "工人", "党支部书记", "总书记", "理事长", "社长", "司令员",
        "政委", "将军", "演员", "导演", "作家", "运动员", "教练",
    ]

    /// Family names, one- and two-character (the common ones; enough for the grammar of names).
    static let surnames: String = """
        王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈\
        姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤\
        常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季\
        裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦\
        戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻\
        苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练\
        廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿\
        鲜印逯隆茹诸战慕危玉银亢嵩帖蔚尉公信
        """
    static let compoundSurnames: [String] = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "端木", "澹台", "万俟", "轩辕", "呼延", "南宫", "西门", "百里", "独孤", "钟离",
    ]

    /// Characters transliterated foreign names are written in (`克林顿`, `普京`).
    static let transliteration: String = """
        阿埃艾安奥巴拜班邦贝本比彼宾波伯博布查达戴丹道德迪蒂丁东杜顿多厄恩法菲费芬弗福盖冈戈格贡古哈海汉豪赫\
        亨胡华霍基吉加贾杰金卡凯坎康考科克肯库拉莱赖兰朗劳勒雷里利莉林琳隆卢鲁伦罗洛马迈曼梅门蒙米明莫姆穆\
        纳奈南内尼涅宁纽努诺帕派潘佩彭皮珀普奇齐乔切钦萨塞桑瑟森沙莎什施斯松苏索塔泰坦特滕提图托瓦万威韦维\
        温沃乌西希夏谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐
        """

    /// The stage words of a project, as they follow `项目`.
    static let projectStages: [String] = [
        "开工建设", "开工", "签约", "投产", "竣工", "落地", "达产", "试生产", "建成", "开建", "奠基", "启动", "投入使用",
        "在建", "续建", "新建", "备案", "入驻", "封顶", "通车", "并网",
    ]
}
