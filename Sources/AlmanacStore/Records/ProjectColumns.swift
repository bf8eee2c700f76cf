import AlmanacModel

/// An entity's project columns with the page each came from: each column holds what the latest
/// mention that gives it says — latest by page date (a page without a date counts as the oldest),
/// then by page name by code point (pages of one day, `…_01.txt` before `…_02.txt`), then by storage order
/// within a page. Storage order alone broke ties between pages of one day, and concurrent ingest
/// workers store those in no fixed order: two ingests of the same pages could disagree.
///
/// Both writers keep them up to date as mentions are stored: a batch's project mentions are taken
/// in the order they were stored, each column moving to a mention's value when the mention is at
/// least as new as the one it came from. So a batch reads and writes one row per entity it touched,
/// however many mentions the entity had before (a project in the news every day has thousands).
/// Only when a page is replaced, and its mentions deleted, are an entity's columns worked out again
/// from all their mentions.
struct ProjectColumns: Sendable, Equatable {
    /// Where a mention's project details were printed: its page's date and name.
    struct Source: Sendable, Equatable {
        /// The page date (nil: a page without a date).
        var date: String?
        /// The page's name (nil only in a column filled before v14, which v14 fills).
        var page: String?

        /// Whether a mention from this source, stored after one from `other`, is at least as new.
        func isAtLeastAsNew(as other: Source) -> Bool {
            if date != other.date {
                guard let otherDate = other.date else { return true }
                guard let date else { return false }
                return date > otherDate
            }
            guard let otherPage = other.page else { return true }
            guard let page else { return false }
            // By code point, as both drivers order names when they work the columns out again.
            return !page.utf8.lexicographicallyPrecedes(otherPage.utf8)
        }
    }

    /// A batch's mention of an entity that says something about a project, with its source.
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

    /// The columns as an entity row stores them: the investment, then the 11 text columns that
    /// follow it in ``sqlColumns`` (its date and page, then each other column with its date and page).
    init(investment: Double?, _ texts: [String?]) {
        precondition(texts.count == 11, "an entity row has 11 project text columns")
        self.investment = Column(value: investment, source: Source(date: texts[0], page: texts[1]))
        stage = Column(value: texts[2], source: Source(date: texts[3], page: texts[4]))
        place = Column(value: texts[5], source: Source(date: texts[6], page: texts[7]))
        sector = Column(value: texts[8], source: Source(date: texts[9], page: texts[10]))
    }

    /// The entity columns, each followed by its date and page, in the order of ``sqlAssignments``
    /// and of the drivers' reading and writing: `investment, investment_date, investment_page, stage, …`.
    static let sqlColumns = SharedMigrations.projectColumns.map { "\($0), \($0)_date, \($0)_page" }
        .joined(separator: ", ")

    /// `investment = ?, investment_date = ?, investment_page = ?, …`, for SQLite's parameters.
    static let sqlAssignments = SharedMigrations.projectColumns.map { "\($0) = ?, \($0)_date = ?, \($0)_page = ?" }
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
