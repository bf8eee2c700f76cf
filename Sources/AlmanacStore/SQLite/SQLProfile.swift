import Foundation
import GRDB
import Synchronization

/// Where a process's time in SQLite went, statement by statement: with `ALMANAC_SQL_PROFILE` set in
/// the environment, every connection of a ``SQLiteStore`` is traced, and when the process exits the
/// statements that took longest (25, or `ALMANAC_SQL_PROFILE_LIMIT` of them) are printed on standard
/// error, each with its total seconds and how often it ran — what `pg_stat_statements` tells of a
/// PostgreSQL server.
///
/// ```sh
/// ALMANAC_SQL_PROFILE=1 almanac ingest --db archive.sqlite pages/
/// ```
///
/// Tracing costs a few microseconds a statement; without the variable nothing is traced.
enum SQLProfile {
    /// Whether this process traces its statements.
    static let isEnabled = ProcessInfo.processInfo.environment["ALMANAC_SQL_PROFILE"] != nil

    /// How many statements the report lists: `ALMANAC_SQL_PROFILE_LIMIT`, else 25.
    static let reported = ProcessInfo.processInfo.environment["ALMANAC_SQL_PROFILE_LIMIT"].flatMap { Int($0) } ?? 25

    /// Seconds and runs by statement text.
    private static let totals = Mutex<[String: (runs: Int, seconds: Double)]>([:])

    /// Registers the report with `atexit`, once.
    private static let reportAtExit: Void = {
        atexit { SQLProfile.printReport() }
    }()

    /// Traces `db`'s statements when profiling is on.
    static func install(_ db: Database) {
        guard isEnabled else { return }
        _ = reportAtExit
        db.trace(options: .profile) { event in
            guard case .profile(let statement, let duration) = event else { return }
            let sql = statement.sql
            totals.withLock { totals in
                let before = totals[sql] ?? (0, 0)
                totals[sql] = (before.runs + 1, before.seconds + duration)
            }
        }
    }

    /// The report: one line of totals, then the costliest statements, longest first.
    static func report() -> String {
        let rows = totals.withLock { $0 }.sorted { $0.value.seconds > $1.value.seconds }
        let seconds = rows.reduce(0) { $0 + $1.value.seconds }
        let runs = rows.reduce(0) { $0 + $1.value.runs }
        var lines = [String(format: "SQL profile: %d statements run, %.3f s in SQLite", runs, seconds)]
        for (sql, total) in rows.prefix(reported) {
            let text = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            lines.append(String(format: "%9.3f s %9d  ", total.seconds, total.runs) + text.prefix(160))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func printReport() {
        FileHandle.standardError.write(Data(report().utf8))
    }
}
