import Foundation
import TestSupport

/// Runs the real `blog` binary, as a writer would from a terminal.
struct BlogProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let executable = blogExecutable

    /// - Parameter timeout: seconds after which the process is killed (a hang is a failure
    ///   of the test, never a hang of the suite).
    static func run(_ arguments: [String], executable: String = executable, in folder: String? = nil, timeout: Double? = nil) throws -> Outcome {
        let running = try start(arguments, executable: executable, in: folder)
        if let timeout {
            let process = running.process
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if process.isRunning { process.terminate() } }
        }
        return running.wait()
    }

    /// A process started, its output read as it comes.
    struct Running {
        let process: Process
        private let out: Pipe
        private let err: Pipe

        init(process: Process, out: Pipe, err: Pipe) { (self.process, self.out, self.err) = (process, out, err) }

        func wait() -> Outcome {
            // Read before waiting, so that a full pipe cannot block the child.
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self))
        }
    }

    static func start(_ arguments: [String], executable: String = executable, in folder: String? = nil) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}

extension Fixture {
    var output: String { root + "/public" }

    func build(_ extra: [String] = []) throws -> BlogProcess.Outcome {
        try BlogProcess.run(["build", "--source", root] + extra)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output + "/" + path)
    }

    /// Every file of the output with its bytes and modification time.
    func snapshot() throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)
        while let path = enumerator?.nextObject() as? String {
            let full = output + "/" + path
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[path] = (try Data(contentsOf: URL(fileURLWithPath: full)), attributes[.modificationDate] as! Date)
            }
        }
        return result
    }
}
