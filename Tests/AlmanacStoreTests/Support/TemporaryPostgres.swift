import AlmanacTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real, throwaway PostgreSQL 15 server for one test suite, started on first use.
///
/// ## Lifetime
///
/// A suite marked `@Suite(.temporaryPostgres)` gets one instance as `TemporaryPostgres.current`
/// (a task local) for as long as its tests run. The first `makeDatabase()` runs `initdb` into a new
/// folder under the temporary directory and starts the server on a free loopback port with its
/// socket in that folder; every call then creates a fresh database, so tests running in parallel
/// never see each other's rows. When the suite ends, pass or fail, the trait stops the server and
/// deletes the folder. Should the test process die first (crash, `kill -9`), a watchdog started
/// with the server (in its own session, so Ctrl-C does not take it down) notices within a second,
/// stops the server and deletes the folder: no run leaves a server behind.
///
/// `initdb` and `postgres` refuse to run as root; as root (CI), they run as the `postgres` user
/// through `runuser`, which owns the folder. Without the binaries the tests fail, saying how to
/// install them: they are never skipped.
actor TemporaryPostgres {
    /// The server of the suite being run, set by the `.temporaryPostgres` trait.
    @TaskLocal static var current: TemporaryPostgres?

    /// Where Debian's `postgresql-15` package puts the server; `ALMANAC_POSTGRES_BIN` overrides it.
    static let binDirectory =
        ProcessInfo.processInfo.environment["ALMANAC_POSTGRES_BIN"] ?? "/usr/lib/postgresql/15/bin"

    /// A running server.
    struct Server: Sendable {
        var folder: String
        var port: Int
        var user: String
        /// The process that cleans up should this one die first.
        var watchdog: pid_t = 0

        var dataDirectory: String { folder + "/data" }
    }

    private var starting: Task<Server, any Error>?
    private var databases = 0

    /// The URL of a new, empty database on the server, starting the server if needed.
    func makeDatabase() async throws -> String {
        let server = try await start()
        databases += 1
        let name = "test_\(databases)"
        try await Command(
            executable: Self.binDirectory + "/createdb",
            arguments: ["-h", "127.0.0.1", "-p", "\(server.port)", "-U", server.user, name], directory: server.folder
        ).run()
        return "postgres://\(server.user)@127.0.0.1:\(server.port)/\(name)"
    }

    /// Runs `sql` through `psql` in `database` and returns its unaligned, tuples-only output.
    @discardableResult
    func psql(_ sql: String, database: String) async throws -> String {
        let server = try await start()
        return try await Command(
            executable: Self.binDirectory + "/psql",
            arguments: [
                "-h", "127.0.0.1", "-p", "\(server.port)", "-U", server.user, "-d", database, "-X", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-c", sql,
            ], directory: server.folder
        ).run().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the server, if it was started, and deletes its folder.
    func stop() async {
        guard let starting else { return }
        self.starting = nil
        guard let server = try? await starting.value else { return }
        _ = try? await Self.asServerUser(
            Self.binDirectory + "/pg_ctl", ["-D", server.dataDirectory, "-m", "immediate", "-w", "stop"],
            in: server.folder
        ).run()
        try? FileManager.default.removeItem(atPath: server.folder)
        // The watchdog sees the folder gone within a second and ends; reap it.
        if server.watchdog > 0 { _ = await Command.wait(for: server.watchdog) }
    }

    // MARK: - Starting

    private func start() async throws -> Server {
        if let starting { return try await starting.value }
        let task = Task { try await Self.launch() }
        starting = task
        return try await task.value
    }

    private static func launch() async throws -> Server {
        let initdb = binDirectory + "/initdb"
        guard FileManager.default.isExecutableFile(atPath: initdb) else {
            throw TemporaryPostgresError(
                "no PostgreSQL server at \(binDirectory) (initdb is missing): install it with "
                    + "`apt-get install -y postgresql-15` (scripts/test.sh does), "
                    + "or point ALMANAC_POSTGRES_BIN at its bin folder")
        }
        let folder = try makeFolder()
        var server = Server(folder: folder, port: 0, user: "almanac")
        do {
            try await asServerUser(
                initdb,
                [
                    "-D", server.dataDirectory, "-A", "trust", "-U", server.user, "-E", "UTF8", "--locale=C",
                    "--no-sync",
                ],
                in: folder
            ).run()
            server.watchdog = try startWatchdog(folder: folder, dataDirectory: server.dataDirectory)
            // Another process may take the port between probing and binding; try a few.
            var lastError: (any Error)?
            for _ in 0..<3 {
                var running = server
                running.port = try freePort()
                do {
                    try await asServerUser(
                        binDirectory + "/pg_ctl",
                        [
                            "-D", server.dataDirectory, "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                            "-p \(running.port) -k \(folder) -c listen_addresses=127.0.0.1 -c fsync=off "
                                + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                            "start",
                        ], in: folder
                    ).run()
                    return running
                } catch {
                    let log = (try? String(contentsOfFile: folder + "/server.log", encoding: .utf8)) ?? ""
                    lastError = TemporaryPostgresError("\(error)\nserver.log:\n\(log)")
                }
            }
            throw lastError ?? TemporaryPostgresError("the server did not start")
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw TemporaryPostgresError("cannot start a temporary PostgreSQL server: \(error)")
        }
    }

    /// A new folder under the temporary directory, owned by the user the server runs as.
    private static func makeFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-pg-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        guard getuid() == 0 else { return folder }
        guard let account = getpwnam("postgres") else {
            try? FileManager.default.removeItem(atPath: folder)
            throw TemporaryPostgresError("running as root, but there is no `postgres` user to run the server as")
        }
        guard chown(folder, account.pointee.pw_uid, account.pointee.pw_gid) == 0, chmod(folder, 0o700) == 0 else {
            throw TemporaryPostgresError("cannot hand \(folder) to the postgres user: errno \(errno)")
        }
        return folder
    }

    /// `executable arguments`, through `runuser -u postgres` when this process is root.
    private static func asServerUser(_ executable: String, _ arguments: [String], in folder: String) -> Command {
        guard getuid() == 0 else { return Command(executable: executable, arguments: arguments, directory: folder) }
        return Command(
            executable: "/usr/sbin/runuser", arguments: ["-u", "postgres", "--", executable] + arguments,
            directory: folder)
    }

    /// Starts a shell, in a session of its own, that waits for this process to end or the folder to go,
    /// then stops the server and deletes the folder; returns its process id.
    private static func startWatchdog(folder: String, dataDirectory: String) throws -> pid_t {
        let stop = asServerUser(binDirectory + "/pg_ctl", ["-D", dataDirectory, "-m", "immediate", "stop"], in: folder)
        let script = """
            while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
            folder=$2
            shift 2
            "$@" >/dev/null 2>&1
            rm -rf "$folder"
            """
        return try Command(
            executable: "/usr/bin/setsid",
            arguments: ["/bin/sh", "-c", script, "watchdog", "\(getpid())", folder, stop.executable] + stop.arguments,
            directory: "/"
        ).spawn()
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TemporaryPostgresError("socket() failed: errno \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw TemporaryPostgresError("cannot bind a loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the temporary server could not be used.
struct TemporaryPostgresError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
