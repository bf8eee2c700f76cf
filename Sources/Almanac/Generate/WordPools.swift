/// The invented world the corpus generator writes about: places, companies, people, projects and
/// the words of a regional daily's economic pages. None of it names a real place or person.
enum WordPools {
    /// The city the paper covers and the districts, counties and towns under it.
    static let city = "岚江市"
    static let districts = ["北湾区", "岚东区", "云峡区", "石桥县", "青禾县", "柳塘县", "白鹭湾区", "梧溪县"]
    static let towns = ["柳营乡", "沙洲镇", "蒿坨子镇", "杏花岭镇", "石门乡", "苇塘镇", "雁栖乡", "东渡镇"]
    static let villages = ["前屯村", "河湾村", "桃园村", "新立村", "三道沟村", "北坡村"]

    /// Name parts of companies: a brand, a trade, a form.
    static let brands = ["星澜", "华瑞", "恒泰", "新源", "明川", "远帆", "金澜", "青禾", "云图", "汇通", "宏岳", "晟达"]
    static let trades = [
        "储能科技", "新材料", "船舶重工", "精密机械", "食品", "生物医药", "智农信息技术", "物流", "光电", "纺织",
        "电子科技", "环保科技",
    ]
    static let forms = ["有限公司", "股份有限公司", "集团有限公司"]
    /// Public bodies that report figures.
    static let bureaus = ["市统计局", "市工信局", "市发改委", "市商务局", "市农业农村局", "市人社局", "市交通运输局", "岚江海关"]

    static let surnames = ["周", "林", "韩", "孙", "邵", "孟", "贺", "罗", "吕", "孔", "秦", "叶", "唐", "陆", "沈", "顾"]
    static let givenNames = [
        "立言", "晓", "冬", "卫东", "明远", "庆山", "志强", "琳", "昊", "维民", "雨桐", "海峰", "文博", "思源", "建国",
        "春梅",
    ]
    static let titles = ["总经理", "副总经理", "董事长", "负责人", "技术总监", "厂长"]

    /// Products and works a project is about.
    static let products = ["正极材料", "光伏组件", "动力电池", "风电叶片", "冷链仓储", "精密轴承", "生物饲料", "电子元件"]
    static let works = ["集装箱码头改造工程", "城际公路", "污水处理厂扩建工程", "冷链物流园", "科技创新中心", "保障性住房"]
    static let stages = ["已完成主体厂房建设", "正在加紧施工", "已签约落地", "近日开工", "完成设备安装调试", "进入试生产阶段"]

    /// Indicators, each with its unit and a typical size of its figure.
    static let indicators: [(name: String, unit: String, range: ClosedRange<Int>)] = [
        ("规模以上工业增加值", "亿元", 80...900),
        ("地区生产总值", "亿元", 300...3000),
        ("固定资产投资", "亿元", 50...800),
        ("社会消费品零售总额", "亿元", 60...700),
        ("外贸进出口总额", "亿元", 20...400),
        ("货物吞吐量", "万吨", 500...9000),
        ("集装箱吞吐量", "万标准箱", 10...200),
        ("城镇新增就业", "人", 2000...40000),
        ("粮食产量", "万吨", 20...300),
        ("接待游客", "万人次", 50...2000),
    ]
    static let periods = ["一季度", "上半年", "前三季度", "今年以来", "前4个月", "前7个月", "1月至10月", "去年全年"]

    /// Column labels with the pinyin the page prints beside them.
    static let sections: [(label: String, pinyin: String)] = [
        ("岚江观察", "GUANCHA"), ("岚江速递", "SUDI"), ("经济视点", "SHIDIAN"), ("县域纵横", "ZONGHENG"),
        ("民生关注", "GUANZHU"), ("图说", "TUSHUO"),
    ]

    /// Headline patterns: `{P}` a place, `{I}` an indicator, `{X}` a product, `{W}` a work.
    static let headlines = [
        "{P}{X}产业链加速成势", "{P}{I}稳步增长", "{P}重点项目建设提速", "{W}全线贯通", "{P}{X}项目开工建设",
        "{P}外贸新业态持续发力", "{P}“数字乡村”试点扩面", "{P}冬季供暖准备就绪", "{P}新增高新技术企业",
        "{P}{X}基地投产", "{P}夜市重新开放", "{W}进入冲刺阶段",
    ]

    /// Sentences without figures: `{P}` place, `{O}` company, `{N}` person, `{T}` title, `{X}` product.
    static let plainSentences = [
        "在{P}的产业园里，机械臂正把一件件产品送上检测台。",
        "{O}{T}{N}告诉记者，企业今年新上的两条产线已满负荷运转。",
        "围绕龙头企业，{P}引进了一批配套企业，本地配套率不断提高。",
        "{P}为每条重点产业链配备一名区级领导和一个服务专班。",
        "专班成员经过反复对接走访，帮助企业协调用地、用电和人才公寓等事项。",
        "{N}说，下一步将聚焦{X}领域，编制产业链招商图谱。",
        "记者从{B}获悉，相关工作正在有序推进。",
        "{P}还与省内高校共建研发平台，推动科技成果就地转化。",
        "村民在家门口就能办理社保、医保、农业补贴等业务。",
        "港口与海关、海事部门联合推行“船边直提”和“抵港直装”模式。",
        "{O}的{X}产品已销往东南亚和中东市场。",
        "{P}计划明年把试点扩展到所有行政村，让更多农户受益。",
    ]

    /// What a photo caption says: `{O}` company, `{P}` place.
    static let captions = [
        "{O}技术人员在调试设备", "{P}的工人在焊接海工模块", "{O}员工认真检验产品质量", "傍晚，居民在{P}的步道上散步",
        "{P}农户在查看大棚蔬菜长势", "{O}的生产线正在满负荷运转",
    ]
}
