import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What serve holds in memory for a large file, the content types of files a site publishes
/// beside its pages, and the warning when a preview is open to the network.
@Suite(.serialized) struct StreamingTests {
    static let bigSize = 100 * 1024 * 1024
    /// The server's RSS never goes above this while 20 clients ask for the big file and read
    /// nothing; holding each answer in memory would take 20 × 100 MB.
    static let rssLimit = 300 * 1024 * 1024

    /// 100 MB in which every 4-byte word differs from its neighbours, so that a chunk sent
    /// twice, out of order or short shows up in a byte comparison.
    static let big: Data = {
        var data = Data(count: bigSize)
        data.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            for index in words.indices { words[index] = UInt32(truncatingIfNeeded: index &* 2_654_435_761) }
        }
        return data
    }()

    static func site(_ extra: [String: Any] = [:]) throws -> Fixture {
        try Fixture(files: [
            "blog.yaml": "title: Big files\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
        ].merging(extra) { $1 })
    }

    /// Resident memory of a process, in bytes (`VmRSS` of `/proc/<pid>/status`).
    static func rss(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return -1 }
        return kilobytes * 1024
    }

    @Test func clientsThatNeverReadDoNotMakeTheServerHoldTheFile() throws {
        raiseOpenFileLimit()
        let site = try Self.site(["static/big.bin": Self.big])
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let pid = server.process.processIdentifier
        #expect(try server.http.get("/").status == 200)
        let before = Self.rss(pid)

        let sockets = try (0..<20).map { _ in try server.http.connect(timeout: 10) }
        defer { for fd in sockets { close(fd) } }
        for fd in sockets { RawHTTP.send(fd, "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
        // Sampled for a few seconds; stopped at once past the limit, so that a server that
        // does hold every answer is not left to grow to gigabytes on a shared machine.
        var highest = before
        let deadline = Date().addingTimeInterval(6)
        while Date() < deadline && highest <= Self.rssLimit {
            highest = max(highest, Self.rss(pid))
            Thread.sleep(forTimeInterval: 0.05)
        }
        if highest > Self.rssLimit { kill(pid, SIGKILL) }
        #expect(highest <= Self.rssLimit, "RSS went from \(before >> 20) MB to \(highest >> 20) MB")
        // The stuck clients hold nobody else up.
        if highest <= Self.rssLimit {
            let page = try server.http.get("/2016/01/a/")
            #expect(page.status == 200)
            #expect(page.text.contains("Hello."))
        }
    }

    @Test func aWholeDownloadIsTheFileByteForByte() throws {
        let site = try Self.site(["static/big.bin": Self.big])
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let http = RawHTTP(port: server.port)
        let fd = try http.connect(timeout: 30)
        defer { close(fd) }
        RawHTTP.send(fd, "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let response = try RawHTTP.parse(RawHTTP.readAll(fd))
        #expect(response.status == 200)
        #expect(response.headers["content-length"] == String(Self.bigSize))
        #expect(response.headers["content-type"] == "application/octet-stream")
        #expect(response.body.count == Self.bigSize)
        #expect(response.body == Self.big)

        let head = try http.get("/big.bin", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(Self.bigSize))
        #expect(head.body.isEmpty)
    }

    /// Live reload goes only into pages small enough to hold; a larger one is sent as it is.
    @Test func aLargeHTMLFileIsSentAsItIs() throws {
        let paragraph = "<p>" + String(repeating: "x", count: 1000) + "</p>\n"
        let large = "<html><body>\n" + String(repeating: paragraph, count: 6000) + "</body></html>\n"
        let site = try Self.site(["static/large.html": large, "static/small.html": "<html><body>hi</body></html>"])
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let response = try server.http.get("/large.html")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "text/html; charset=utf-8")
        #expect(response.headers["content-length"] == String(large.utf8.count))
        #expect(response.text == large)
        let small = try server.http.get("/small.html")
        #expect(small.text.contains("/__blog/events"))
        #expect(small.headers["content-length"] == String(small.body.count))
        let head = try server.http.get("/small.html", method: "HEAD")
        #expect(head.headers["content-length"] == String(small.body.count))
        #expect(head.body.isEmpty)
    }

    static let types: [String: String] = [
        "mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav", "m4a": "audio/mp4", "flac": "audio/flac",
        "opus": "audio/ogg", "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "otf": "font/otf",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "xhtml": "application/xhtml+xml; charset=utf-8", "wasm": "application/wasm",
        "avif": "image/avif", "webp": "image/webp", "ico": "image/x-icon", "png": "image/png",
        "jpg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml; charset=utf-8",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8", "xml": "application/xml; charset=utf-8",
        "json": "application/json; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "css": "text/css; charset=utf-8", "map": "application/json; charset=utf-8",
        "vtt": "text/vtt; charset=utf-8", "atom": "application/atom+xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8", "zip": "application/zip", "gz": "application/gzip",
        "bin": "application/octet-stream", "MP4": "video/mp4",
    ]

    @Test func filesGetTheirContentTypes() throws {
        var files: [String: Any] = [:]
        for ext in Self.types.keys { files["static/f/file-\(ext.lowercased() == ext ? "lower" : "upper").\(ext)"] = "x" }
        let site = try Self.site(files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        for (ext, type) in Self.types.sorted(by: { $0.key < $1.key }) {
            let response = try server.http.get("/f/file-\(ext.lowercased() == ext ? "lower" : "upper").\(ext)")
            #expect(response.status == 200, ".\(ext)")
            #expect(response.headers["content-type"] == type, ".\(ext)")
        }
    }

    /// `blog serve` with its standard error apart; stopped with SIGINT once it has started.
    static func serveErrors(_ arguments: [String]) throws -> String {
        let site = try Self.site(["posts/draft.md": "---\ntitle: D\ndate: 2016-01-02\ndraft: true\n---\nSecret.\n"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServeProcess.executable)
        process.arguments = ["serve", "--source", site.root, "--port", "0"] + arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        let (printed, errors) = (Collected(), Collected())
        printed.read(out)
        errors.read(err)
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && !printed.text.contains("Serving") { Thread.sleep(forTimeInterval: 0.05) }
        // Asked on loopback only, whatever the address it listens on.
        let started = printed.text
        if let range = started.range(of: #":(\d+)/ "#, options: .regularExpression), let port = Int(started[range].dropFirst().dropLast(2)) {
            #expect(try RawHTTP(port: port).get("/").status == 200)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        return errors.text
    }

    @Test func draftsOpenToTheNetworkAreNamedInAWarning() throws {
        let network = try Self.serveErrors(["--host", "0.0.0.0", "--drafts"])
        let line = network.split(separator: "\n").first { $0.hasPrefix("warning:") }
        #expect(line?.contains("0.0.0.0") == true, "\(network)")
        #expect(line?.contains("drafts") == true && line?.contains("network") == true, "\(network)")

        let preview = try Self.serveErrors(["--host", "0.0.0.0"])
        let previewLine = preview.split(separator: "\n").first { $0.hasPrefix("warning:") }
        #expect(previewLine?.contains("0.0.0.0") == true, "\(preview)")
        #expect(previewLine?.contains("drafts") == false, "\(preview)")

        let loopback = try Self.serveErrors(["--drafts"])
        #expect(!loopback.contains("warning:"), "\(loopback)")
    }
}

/// What a process writes to one pipe, as it comes.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""

    var text: String { lock.withLock { collected } }

    func read(_ pipe: Pipe) {
        pipe.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lock.withLock { collected += text }
        }
    }
}
