import Foundation
import TestSupport
import Testing

/// A write that fails (a full disk, a file too large) or a build that is killed never leaves
/// the output half old, half new; through the real binary.
@Suite(.serialized) struct WriteFailureTests {
    static let config = "title: T\nbase_url: https://example.com/\n"

    static func site(posts: Int) -> [String: Any] {
        var files: [String: Any] = ["blog.yaml": config]
        for i in 0..<posts {
            let day = String(format: "2016-%02d-%02d", i / 28 % 12 + 1, i % 28 + 1)
            files["posts/\(2000 + i / 336)/post-\(i).md"] = """
                ---
                title: Post \(i)
                date: \(day)
                tags: [t\(i % 7), shared]
                ---
                Paragraph one of post \(i), with [a link](/posts/\(2000 + (i + 1) % posts / 336)/post-\((i + 1) % posts).md) to the next one.

                \(String(repeating: "Words of post \(i), 第\(i)篇. ", count: 40))

                """
        }
        return files
    }

    /// Runs `blog build` in a shell that first lowers a limit (`ulimit -f` blocks of 1 KiB).
    static func build(_ site: Fixture, output: String, fileSizeLimit: Int? = nil) throws -> BlogProcess.Outcome {
        var script = "exec \"$0\" build --source \"$1\" --output \"$2\""
        // Ignored, SIGXFSZ is inherited as such: the write fails with EFBIG instead of killing.
        if let fileSizeLimit { script = "trap '' XFSZ; ulimit -f \(fileSizeLimit); " + script }
        return try BlogProcess.run(["-c", script, BlogProcess.executable, site.root, output], executable: "/bin/sh")
    }

    static func files(under root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = FileManager.default.contents(atPath: root + "/" + path)
            }
        }
        return result
    }

    static let canMount: Bool = getuid() == 0 && run("/bin/sh", ["-c", "command -v mount && command -v umount"]) == 0

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// A real full disk: a small tmpfs (where the machine lets the test mount one, as root).
    @Test(.enabled(if: canMount)) func aFullDiskLeavesThePreviousSiteAsItWas() throws {
        let site = try Fixture(files: Self.site(posts: 20))
        let disk = site.root + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk]) == 0)
        defer { Self.run("/bin/umount", [disk]) }
        let output = disk + "/public"

        // A first build that does not fit: nothing of it stays, not even the folder.
        try site.write(["posts/big/index.md": "---\ntitle: Big\ndate: 2016-06-01\n---\n![big](big.png)\n",
                        "posts/big/big.png": Fixture.png(width: 9, height: 9) + Data(count: 1_500_000)])
        let cold = try Self.build(site, output: output)
        #expect(cold.status == 1)
        #expect(cold.stderr.contains("No space left on device"), "\(cold.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))

        try FileManager.default.removeItem(atPath: site.root + "/posts/big")
        #expect(try Self.build(site, output: output).status == 0)
        let before = try Self.snapshot(output)
        let free = Self.freeBytes(disk)

        try site.write(["posts/big/index.md": "---\ntitle: Big\ndate: 2016-06-01\n---\n![big](big.png)\n",
                        "posts/big/big.png": Fixture.png(width: 9, height: 9) + Data(count: 1_500_000),
                        "posts/2000/post-3.md": "---\ntitle: Post 3, edited\ndate: 2016-01-04\n---\nNew words.\n"])
        let full = try Self.build(site, output: output)
        #expect(full.status == 1)
        let lines = full.stderr.split(separator: "\n").map(String.init)
        // The real file, the cause, once; and that the site is intact.
        #expect(lines.contains { $0.hasPrefix(output + "/2016/06/big/big.png: error: cannot write: No space left on device") }, "\(full.stderr)")
        #expect(!full.stderr.contains(".blog-tmp"))
        #expect(full.stderr.contains("nothing was replaced: the previous site in \(output) is intact"))
        #expect(lines.filter { $0.contains("No space left") }.count == 1, "\(full.stderr)")
        let after = try Self.snapshot(output)
        #expect(after.keys.sorted() == before.keys.sorted(), "files came or went")
        for (path, (data, date)) in before { #expect(after[path]?.0 == data && after[path]?.1 == date, "\(path) changed") }
        // The space the failed build used is given back.
        #expect(Self.freeBytes(disk) == free)
    }

    static func freeBytes(_ path: String) -> Int {
        var stats = statvfs()
        statvfs(path, &stats)
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// The same without root: a limit on the size of a file makes one write fail (EFBIG).
    @Test func aFileTheSystemRefusesLeavesThePreviousSiteAsItWas() throws {
        let site = try Fixture(files: Self.site(posts: 20))
        let output = site.root + "/public"
        #expect(try Self.build(site, output: output).status == 0)
        let before = try Self.snapshot(output)
        try site.write(["posts/big/index.md": "---\ntitle: Big\ndate: 2016-06-01\n---\n![big](big.png)\n",
                        "posts/big/big.png": Fixture.png(width: 9, height: 9) + Data(count: 600_000),
                        "posts/2000/post-3.md": "---\ntitle: Post 3, edited\ndate: 2016-01-04\n---\nNew words.\n"])
        let refused = try Self.build(site, output: output, fileSizeLimit: 500)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(output + "/2016/06/big/big.png: error: cannot write: File too large"), "\(refused.stderr)")
        #expect(refused.stderr.contains("the previous site in \(output) is intact"))
        let after = try Self.snapshot(output)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, date)) in before { #expect(after[path]?.0 == data && after[path]?.1 == date, "\(path) changed") }
        // deploy refuses what build could not finish, and sends nothing.
        let target = try Fixture(files: [:])
        try site.write(["blog.yaml": Self.config + "deploy:\n  target: \(target.root)/www\n"])
        let script = "trap '' XFSZ; ulimit -f 500; exec \"$0\" deploy --source \"$1\""
        let deploy = try BlogProcess.run(["-c", script, BlogProcess.executable, site.root], executable: "/bin/sh")
        #expect(deploy.status == 1)
        #expect(deploy.stderr.contains("nothing deployed"))
        #expect(!FileManager.default.fileExists(atPath: target.root + "/www"))
    }

    /// A build killed at any moment: the next build makes exactly what a cold one makes.
    @Test func aBuildKilledAtRandomMomentsIsRepairedByTheNext() throws {
        let site = try Fixture(files: Self.site(posts: 2000))
        let output = site.root + "/public"
        let started = Date()
        #expect(try Self.build(site, output: output).status == 0)
        let duration = Date().timeIntervalSince(started)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<5 {
            // Each round changes the site, so that the killed build has work to do.
            try site.write(["posts/2000/post-\(round).md": "---\ntitle: Edited \(round)\ndate: 2016-01-0\(round + 1)\n---\nRound \(round).\n"])
            if round == 2 {  // a page goes, and the post that linked to it changes
                try FileManager.default.removeItem(atPath: site.root + "/posts/2000/post-10.md")
                try site.write(["posts/2000/post-9.md": "---\ntitle: Nine\ndate: 2016-01-10\n---\nNo link.\n"])
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BlogProcess.executable)
            process.arguments = ["build", "--source", site.root, "--output", output]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...max(0.1, duration), using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let next = try Self.build(site, output: output)
        #expect(next.status == 0, "\(next.stderr)")
        let cold = site.root + "/cold"
        #expect(try Self.build(site, output: cold).status == 0)
        let repaired = Self.files(under: output)
        let fresh = Self.files(under: cold)
        #expect(repaired.keys.sorted() == fresh.keys.sorted())
        #expect(repaired.filter { fresh[$0.key] != $0.value }.keys.sorted() == [])
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.blog/writing"))
    }

    static func snapshot(_ output: String) throws -> [String: (Data, Date)] {
        var result: [String: (Data, Date)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output)
        while let path = enumerator?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: output + "/" + path)
            if attributes[.type] as? FileAttributeType == .typeRegular {
                result[path] = (try Data(contentsOf: URL(fileURLWithPath: output + "/" + path)), attributes[.modificationDate] as! Date)
            }
        }
        return result
    }
}
