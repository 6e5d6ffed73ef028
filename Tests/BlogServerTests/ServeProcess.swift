import Foundation
import TestSupport

/// `blog serve --port 0` on a fixture site, started for one test and stopped after it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var printed = ""

    static let executable = blogExecutable

    /// - Parameters:
    ///   - arguments: after `serve --source SITE --port 0`.
    ///   - environment: added to the test's own (the `BLOG_SERVE_…` limits).
    init(site: Fixture, arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--source", site.root, "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        for pipe in [output, errors] {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let text = String(decoding: handle.availableData, as: UTF8.self)
                guard let self else { return }
                self.lock.withLock { self.printed += text }
            }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var port: Int?
        while port == nil && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            port = lock.withLock { Self.port(in: printed) }
        }
        guard let port else {
            process.terminate()
            throw RawError("serve did not start: \(lock.withLock { printed })")
        }
        self.port = port
    }

    var log: String { lock.withLock { printed } }

    var http: RawHTTP { RawHTTP(port: port) }

    /// Sockets, pipes, inotify and the like the server holds open now.
    var openFileCount: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
    }

    /// Waits (at most `seconds`) for the open file count to fall to `limit` or below; returns
    /// the last count and how long it took.
    func waitForOpenFiles(atMost limit: Int, within seconds: Double) -> (count: Int, seconds: Double) {
        let started = Date()
        var count = openFileCount
        while count > limit && Date().timeIntervalSince(started) < seconds {
            Thread.sleep(forTimeInterval: 0.1)
            count = openFileCount
        }
        return (count, Date().timeIntervalSince(started))
    }

    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: #"at http://[^ ]*:(\d+)"#, options: .regularExpression) else { return nil }
        let match = text[range]
        return Int(match[match.index(after: match.lastIndex(of: ":")!)...])
    }

    /// Ctrl-C, as a writer would stop it; returns the exit status.
    @discardableResult
    func interrupt() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Runs `blog` to its end (`blog build`, a refused `blog serve`): status and all it printed.
    static func run(_ arguments: [String]) throws -> (status: Int32, printed: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
