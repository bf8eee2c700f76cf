import AlmanacStore
import Hummingbird

/// `/projects`: every project the papers name, in a table sorted by any column (server side: no script).
extension Site {
    struct ProjectsView {
        struct Row {
            var id: Int64
            var name: String
            var investment: String
            var stage: String
            var place: String
            var first: String
            var last: String
            var mentions: Int
        }
        struct Column {
            var label: String
            var href: String
            var arrow: String
            var numeric: Bool
        }
        var columns: [Column]
        var rows: [Row]
        var total: Int
    }

    /// The sortable columns: key, label, numeric.
    static let projectColumns: [(String, String, Bool)] = [
        ("name", "项目 project", false), ("investment", "投资 investment", true), ("stage", "阶段 stage", false),
        ("place", "地点 place", false), ("first", "首次提及 first", false), ("last", "最近提及 last", false),
    ]

    /// How many projects the table holds at most.
    static let projectLimit = 1000

    func projects(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri.query)
        let sort = try parameters.choice("sort", of: Self.projectColumns.map(\.0), default: "investment")
        let order = try parameters.choice("order", of: ["asc", "desc"], default: sort == "investment" ? "desc" : "asc")
        var projects = try await store.fetchProjects(ProjectQuery(limit: Self.projectLimit))
        func key(_ entity: StoredEntity) -> String {
            switch sort {
            case "stage": entity.project?.stage ?? ""
            case "place": entity.project?.place ?? ""
            case "first": entity.firstDate ?? ""
            case "last": entity.lastDate ?? ""
            default: entity.name
            }
        }
        if sort == "investment" {
            projects.sort { ($0.project?.investment ?? -1) < ($1.project?.investment ?? -1) }
        } else {
            projects.sort { key($0).unicodeScalars.lexicographicallyPrecedes(key($1).unicodeScalars) }
        }
        if order == "desc" { projects.reverse() }
        let columns = Self.projectColumns.map { column, label, numeric in
            let active = column == sort
            let nextOrder = active && order == "asc" ? "desc" : active ? "asc" : (numeric ? "desc" : "asc")
            return ProjectsView.Column(
                label: label, href: HTMLText.link("/projects", [("sort", column), ("order", nextOrder)]),
                arrow: active ? (order == "asc" ? " ▲" : " ▼") : "", numeric: numeric)
        }
        let rows = projects.map { entity in
            ProjectsView.Row(
                id: entity.id, name: entity.name,
                investment: entity.project?.investment.map { Figure.format($0, unit: "元") } ?? "—",
                stage: entity.project?.stage ?? "—", place: entity.project?.place ?? "—",
                first: entity.firstDate ?? "—", last: entity.lastDate ?? "—", mentions: entity.mentions)
        }
        return try render("projects", ProjectsView(columns: columns, rows: rows, total: rows.count))
    }
}
