import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C (or a SIGTERM) during `blog deploy` stops rsync too: an rsync left running on its
/// own, with `--delete`, would go on changing the live site after the writer gave up on it.
@Suite struct DeployInterruptTests {
    /// Processes (not zombies) whose command line holds `marker`.
    static func processes(naming marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                String(decoding: command, as: UTF8.self).contains(marker),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            return !stat[close...].hasPrefix(") Z")
        }
    }

    static func waitFor(_ seconds: Double, until done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !done() {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return true
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsRsyncAndSaysTheTargetMayBePartlyUpdated(signal: Int32) throws {
        let target = try Fixture(files: [:])
        // Unique, so that the rsync processes of this deploy can be told from any other.
        let www = target.root + "/www-\(UUID().uuidString)"
        // 4 MB at 100 KB/s: forty seconds of transfer, far more than the test waits.
        let site = try Fixture(files: [
            "blog.yaml": "title: T\ndeploy:\n  target: \(www)\n  args: [--bwlimit=100]\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
            "static/big.bin": Data(count: 4 << 20),
        ])
        let deploy = try BlogProcess.start(["deploy", "--source", site.root])
        let blog = deploy.process
        defer { if blog.isRunning { blog.terminate() } }
        let rsyncStarted = Self.waitFor(30) { !Self.processes(naming: www).isEmpty }
        try #require(rsyncStarted, "rsync never started")
        Thread.sleep(forTimeInterval: 0.5)  // well into the transfer

        kill(blog.processIdentifier, signal)
        let stopped = Self.waitFor(5) { !blog.isRunning }
        let rsyncGone = Self.waitFor(3) { Self.processes(naming: www).isEmpty }
        // Left over by a failing run: ended here, or the test would wait for the transfer.
        let leftovers = Self.processes(naming: www)
        for pid in leftovers { kill(pid, SIGKILL) }
        if !stopped { blog.terminate() }
        let outcome = deploy.wait()

        #expect(stopped, "blog deploy went on after the signal")
        #expect(rsyncGone, "rsync still running after blog deploy stopped: \(leftovers)")
        #expect(blog.terminationReason == .exit, "blog deploy died of the signal instead of stopping rsync")
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("deploy interrupted"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(www) may be partly updated"), "\(outcome.stderr)")
    }
}
