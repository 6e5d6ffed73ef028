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

    init(site: Fixture) throws {
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["serve", "--source", site.root, "--port", "0"]
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

    private static func port(in text: String) -> Int? {
        guard let range = text.range(of: "at http://127.0.0.1:") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
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
}
