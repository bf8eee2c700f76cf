import AlmanacModel

/// An entity's project columns with the page each came from: each column holds what the latest
/// mention that gives it says — latest by page date (a page without a date counts as the oldest),
/// then by page name by code point (pages of one day, `…_01.txt` before `…_02.txt`), then by
/// storage order within a page. Storage order alone broke ties between pages of one day, which
/// concurrent ingest workers store in no fixed order, so two ingests of the same pages could
/// disagree.
///
/// An entity row keeps, beside each column, the id of the page the value came from
/// (`investment_page`, …); the page gives its date and name. Both writers keep the columns up to
/// date as mentions are stored: a batch's project mentions are taken in the order they were
/// stored, each column moving to a mention's value when the mention is at least as new as the one
/// it came from. So a batch reads and writes one row per entity it touched, however many mentions
/// the entity had before (a project in the news every day has thousands). Only when a page is
/// replaced, and its mentions deleted, are an entity's columns worked out again from all their
/// mentions.
struct ProjectColumns: Sendable, Equatable {
    /// The page a project detail was printed on.
    struct Source: Sendable, Equatable {
        /// The page's id in the archive (nil: no value).
        var page: Int64?
        /// The page date (nil: a page without a date, or no value).
        var date: String?
        /// The page's name.
        var name: String?

        /// Whether a mention from this source, stored after one from `other`, is at least as new.
        func isAtLeastAsNew(as other: Source) -> Bool {
            if date != other.date {
                guard let otherDate = other.date else { return true }
                guard let date else { return false }
                return date > otherDate
            }
            guard let otherName = other.name else { return true }
            guard let name else { return false }
            // By code point, as both drivers order names when they work the columns out again.
            return !name.precedesByCodePoint(otherName)
        }
    }

    /// A batch's mention of an entity that says something about a project, with its page.
    struct Mention: Sendable {
        var details: ProjectDetails
        var source: Source
    }

    struct Column<Value: Sendable & Equatable>: Sendable, Equatable {
        var value: Value?
        /// Where `value` came from (all nil when there is no value).
        var source = Source()

        /// Takes `value` from a mention of `source`, stored after the one the column holds.
        mutating func take(_ value: Value?, from source: Source) {
            guard let value else { return }
            if self.value == nil || source.isAtLeastAsNew(as: self.source) {
                self.value = value
                self.source = source
            }
        }
    }

    var investment = Column<Double>()
    var stage = Column<String>()
    var place = Column<String>()
    var sector = Column<String>()

    init() {}

    /// The columns with the pages their values came from, in the order of
    /// ``SharedMigrations/projectColumns`` (4 sources).
    init(investment: Double?, stage: String?, place: String?, sector: String?, sources: [Source]) {
        precondition(sources.count == 4, "an entity has 4 project columns")
        self.investment = Column(value: investment, source: sources[0])
        self.stage = Column(value: stage, source: sources[1])
        self.place = Column(value: place, source: sources[2])
        self.sector = Column(value: sector, source: sources[3])
    }

    /// What SQLite's writer reads of an entity row: each project column, its page id, and that
    /// page's date and name (`investment, investment_page, investment_date, investment_name, stage, …`,
    /// 16 values), from `entity` and ``sqlJoins``. (PostgreSQL reads the pages by a second statement,
    /// after the rows are locked: see `PostgresStore.Writer.refreshTouchedEntities`.)
    static let sqlColumns = SharedMigrations.projectColumns.map { column in
        "entity.\(column), entity.\(column)_page, \(column)_source.date, \(column)_source.name"
    }.joined(separator: ", ")

    /// The joins ``sqlColumns`` reads the pages through (a page that is gone reads as no page).
    static let sqlJoins = SharedMigrations.projectColumns.map { column in
        "LEFT JOIN page AS \(column)_source ON \(column)_source.id = entity.\(column)_page"
    }.joined(separator: " ")

    /// The columns a driver writes, each followed by its page id: `investment, investment_page, stage, …`.
    static let sqlWritten = SharedMigrations.projectColumns.map { "\($0), \($0)_page" }.joined(separator: ", ")

    /// `investment = ?, investment_page = ?, …`, for SQLite's parameters.
    static let sqlAssignments = SharedMigrations.projectColumns.map { "\($0) = ?, \($0)_page = ?" }
        .joined(separator: ", ")

    /// Takes what a mention says, stored after every mention taken before.
    mutating func take(_ mention: Mention) {
        investment.take(mention.details.investment, from: mention.source)
        stage.take(mention.details.stage, from: mention.source)
        place.take(mention.details.place, from: mention.source)
        sector.take(mention.details.sector, from: mention.source)
    }

    /// The columns after taking `mentions`, in the order they were stored; nil when nothing changes.
    func taking(_ mentions: [Mention]) -> ProjectColumns? {
        var columns = self
        for mention in mentions { columns.take(mention) }
        return columns == self ? nil : columns
    }
}
