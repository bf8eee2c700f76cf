import AlmanacTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The built `almanac serve` running as a separate process on a free loopback port.
struct RunningServer {
    /// The debug build sits beside the tests: `swift build --build-tests` builds both.
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../.build/debug/almanac").standardized.path

    let pid: pid_t
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    let base: String
    let logPath: String

    /// Starts `almanac serve --port 0 ARGUMENTS` and waits (up to 60 s) for the URL it prints.
    static func start(_ arguments: [String], in folder: URL) async throws -> RunningServer {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw TestArchiveError(message: "no almanac executable at \(executable); run `swift build --build-tests` first")
        }
        let output = folder.appendingPathComponent("serve.out").path
        let log = folder.appendingPathComponent("serve.err").path
        let pid = try Command(executable: executable, arguments: ["serve", "--port", "0"] + arguments)
            .spawn(stdout: output, stderr: log)
        for _ in 0..<600 {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /at (http:\/\/127\.0\.0\.1:\d+)\//) {
                return RunningServer(pid: pid, base: String(match.output.1), logPath: log)
            }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let errors = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw TestArchiveError(message: "almanac serve exited before serving:\n\(errors)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(pid, SIGKILL)
        throw TestArchiveError(message: "almanac serve printed no URL within 60 s")
    }

    /// Sends SIGTERM and returns the exit status (0 after a graceful shutdown).
    func stop() async -> Int32 {
        kill(pid, SIGTERM)
        return await Command.wait(for: pid)
    }
}

/// Debian's chromium, headless.
///
/// The pages hold no script and the server's Content-Security-Policy (`default-src 'none'`) forbids
/// any, which chromium enforces: what it shows is what a browser with JavaScript off shows.
/// (`--blink-settings=scriptEnabled=false` would say so directly, but headless chromium then
/// writes neither DOM nor screenshot.)
struct Browser {
    static let executable = ProcessInfo.processInfo.environment["ALMANAC_CHROMIUM"] ?? "/usr/bin/chromium"

    let profile: URL

    /// Common flags: as root chromium needs --no-sandbox; a profile of its own per run.
    var flags: [String] {
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--hide-scrollbars", "--user-data-dir=\(profile.path)",
        ]
    }

    /// The page's DOM after loading, as chromium serialises it.
    func dumpDOM(_ url: String) async throws -> String {
        try await Command(executable: Self.executable, arguments: flags + ["--dump-dom", url]).run()
    }

    /// Saves a PNG of the page at `width`×`height` CSS pixels to `path`.
    func screenshot(_ url: String, to path: String, width: Int, height: Int) async throws {
        try await Command(
            executable: Self.executable,
            arguments: flags + ["--screenshot=\(path)", "--window-size=\(width),\(height)", url]
        ).run()
    }
}
