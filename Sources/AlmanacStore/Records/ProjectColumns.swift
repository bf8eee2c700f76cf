import AlmanacModel

/// An entity's project columns with the page date each came from: each column holds what the
/// latest mention that gives it says — latest by page date (a page without a date counts as the
/// oldest), then by storage order.
///
/// Both writers keep them up to date as mentions are stored: a batch's project mentions are taken
/// in the order they were stored, each column moving to a mention's value when the mention is at
/// least as new as the one it came from. So a batch reads and writes one row per entity it touched,
/// however many mentions the entity had before (a project in the news every day has thousands).
/// Only when a page is replaced, and its mentions deleted, are an entity's columns worked out again
/// from all its mentions.
struct ProjectColumns: Sendable, Equatable {
    struct Column<Value: Sendable & Equatable>: Sendable, Equatable {
        var value: Value?
        /// The page date of the mention `value` came from (nil: a page without a date, or no value).
        var date: String?

        /// Takes `value` from a mention of a page dated `date`, stored after the one the column holds.
        mutating func take(_ value: Value?, date: String?) {
            guard let value else { return }
            if self.value == nil || Self.isAtLeastAsNew(date, as: self.date) {
                self.value = value
                self.date = date
            }
        }

        /// Whether a page dated `date` is at least as new as one dated `other` (no date: the oldest).
        static func isAtLeastAsNew(_ date: String?, as other: String?) -> Bool {
            guard let other else { return true }
            guard let date else { return false }
            return date >= other
        }
    }

    var investment = Column<Double>()
    var stage = Column<String>()
    var place = Column<String>()
    var sector = Column<String>()

    init() {}

    /// The columns as an entity row stores them, in the order of ``sqlColumns``.
    init(
        _ investment: Double?, _ investmentDate: String?, _ stage: String?, _ stageDate: String?,
        _ place: String?, _ placeDate: String?, _ sector: String?, _ sectorDate: String?
    ) {
        self.investment = Column(value: investment, date: investmentDate)
        self.stage = Column(value: stage, date: stageDate)
        self.place = Column(value: place, date: placeDate)
        self.sector = Column(value: sector, date: sectorDate)
    }

    /// The entity columns, each before its date, in the order of ``sqlAssignments`` and of the
    /// drivers' reading and writing: `investment, investment_date, stage, stage_date, …`.
    static let sqlColumns = SharedMigrations.projectColumns.map { "\($0), \($0)_date" }.joined(separator: ", ")

    /// `investment = ?, investment_date = ?, …`, for SQLite's parameters.
    static let sqlAssignments = SharedMigrations.projectColumns.map { "\($0) = ?, \($0)_date = ?" }
        .joined(separator: ", ")

    /// Takes what a mention of a page dated `date` says, stored after every mention taken before.
    mutating func take(_ details: ProjectDetails, date: String?) {
        investment.take(details.investment, date: date)
        stage.take(details.stage, date: date)
        place.take(details.place, date: date)
        sector.take(details.sector, date: date)
    }

    /// The columns after taking `mentions`, in the order they were stored; nil when nothing changes.
    func taking(_ mentions: [(details: ProjectDetails, date: String?)]) -> ProjectColumns? {
        var columns = self
        for (details, date) in mentions { columns.take(details, date: date) }
        return columns == self ? nil : columns
    }
}
