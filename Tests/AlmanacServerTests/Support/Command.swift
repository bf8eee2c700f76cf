import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program run by the tests through `posix_spawn`, its output captured in files (the same helper
/// as `AlmanacStoreTests/Support/Command.swift`; test targets cannot share files).
///
/// Foundation's `Process` is not used: here its exit monitoring once never reported the end of a
/// `runuser pg_ctl start` child (left unreaped, the test hung for good). Waiting with `waitpid` on
/// a thread of our own does not depend on that machinery.
struct Command {
    var executable: String
    var arguments: [String]
    /// The working folder; the `postgres` user cannot enter the checkout, so commands run from a
    /// folder it may enter.
    var directory: String?

    /// Runs the command to its end and returns its standard output; throws with its output when it fails.
    @discardableResult
    func run() async throws -> String {
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
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw CommandError(
                command: ([executable] + arguments).joined(separator: " "), status: status, output: output + errors)
        }
        return output
    }

    /// Starts the command with standard input from /dev/null and its output in the named files.
    func spawn(stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
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
    static func wait(for pid: pid_t) async -> Int32 {
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
struct CommandError: Error, CustomStringConvertible {
    var command: String
    var status: Int32
    var output: String

    var description: String {
        "`\(command)` exited with status \(status):\n\(output.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}
