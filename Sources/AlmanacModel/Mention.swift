/// What kind of named thing a mention names.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    case organization
    case place
    case person
    case project
}

/// A named thing found in a text: a company, a place, a person or a project, with its span.
///
/// Encodes as the object SPEC.md gives for `almanac entities` (`text`, `kind`, `start`, `end`),
/// plus `name` when the mention is a short form of a longer name and `project` for projects.
public struct Mention: Sendable, Hashable, Codable {
    /// The words as printed.
    public var text: String
    public var kind: EntityKind
    /// Scalar offset of the first character in the text the mention was read from.
    public var start: Int
    /// Scalar offset just after the last character.
    public var end: Int
    /// The entity's canonical name: the full name a short form stands for
    /// (`（以下简称“岚钢”）` links 岚钢 to the company's full name), else `text`.
    public var name: String
    /// What a project mention says about the project, for `kind == .project`.
    public var project: ProjectDetails?

    /// Creates a mention; `name` defaults to the printed text.
    public init(
        text: String, kind: EntityKind, start: Int, end: Int, name: String? = nil, project: ProjectDetails? = nil
    ) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.name = name ?? text
        self.project = project
    }

    enum CodingKeys: String, CodingKey {
        case text, kind, start, end, name, project
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        start = try container.decodeIfPresent(Int.self, forKey: .start) ?? 0
        end = try container.decodeIfPresent(Int.self, forKey: .end) ?? 0
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? text
        project = try container.decodeIfPresent(ProjectDetails.self, forKey: .project)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        if name != text { try container.encode(name, forKey: .name) }
        try container.encodeIfPresent(project, forKey: .project)
    }
}

/// What the text says about a project: how much it costs, how far it has got, where it is.
public struct ProjectDetails: Sendable, Hashable, Codable {
    /// Total investment in 元 (`总投资12亿元` → 1.2e9), when printed.
    public var investment: Double?
    /// The stage word the text uses: 签约, 开工, 在建, 投产, 竣工 …
    public var stage: String?
    /// The place the project is in, when the text says.
    public var place: String?
    /// The trade or field (`新能源`, `物流`), when the text says.
    public var sector: String?

    public init(investment: Double? = nil, stage: String? = nil, place: String? = nil, sector: String? = nil) {
        self.investment = investment
        self.stage = stage
        self.place = place
        self.sector = sector
    }
}
