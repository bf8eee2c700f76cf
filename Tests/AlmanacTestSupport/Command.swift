import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program run by the tests through `posix_spawn`, its output captured in files; shared by the
/// test targets (the store's PostgreSQL server, the web app's server and browser, the CLI).
///
/// Foundation's `Process` is not used: here its exit monitoring once never reported the end of a
/// `runuser pg_ctl start` child (left unreaped, the test hung for good). Waiting with `waitpid` on
/// a thread of our own does not depend on that machinery.
public struct Command: Sendable {
    public var executable: String
    public var arguments: [String]
    /// The working folder; the `postgres` user cannot enter the checkout, so commands run from a
    /// folder it may enter.
    public var directory: String?

    public init(executable: String, arguments: [String], directory: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.directory = directory
    }

    /// Runs the command to its end and returns its standard output; throws with its output when it fails.
    @discardableResult
    public func run() async throws -> String {
        let result = try await result()
        guard result.status == 0 else {
            throw CommandError(
                command: ([executable] + arguments).joined(separator: " "), status: result.status,
                output: result.output + result.errors)
        }
        return result.output
    }

    /// Runs the command to its end and returns its exit status and what it wrote, whatever the status.
    public func result() async throws -> (status: Int32, output: String, errors: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("almanac-cmd-\(UUID().uuidString)")
        let outputPath = scratch.path + ".out"
        let errorPath = scratch.path + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        let pid = try spawn(stdout: outputPath, stderr: errorPath)
        let status = await Self.wait(for: pid)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return (status, output, errors)
    }

    /// Starts the command with standard input from /dev/null and its output in the named files.
    public func spawn(stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Swift's Glibc module lacks posix_spawn_file_actions_addchdir_np; a shell changes folder instead.
        let command =
            if let directory {
                ["/bin/sh", "-c", #"cd "$0" && exec "$@""#, directory, executable] + arguments
            } else {
                [executable] + arguments
            }
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard result == 0 else {
            throw CommandError(
                command: executable, status: -1, output: "cannot start: \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// Waits on a thread of its own for `pid` to end; returns its exit status (128 + signal when killed).
    public static func wait(for pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
        }
    }
}

/// A command that exited with a status other than 0.
public struct CommandError: Error, CustomStringConvertible {
    public var command: String
    public var status: Int32
    public var output: String

    public var description: String {
        "`\(command)` exited with status \(status):\n\(output.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}
