import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `blog serve` over real HTTP on loopback: what a browser and a curious client see.
@Suite(.serialized) struct ServeTests {
    static let files: [String: String] = [
        "blog.yaml": "title: Preview\nbase_url: https://example.com/blog/\n",
        "posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nHello from the first post.\n",
        "static/bare.html": "<p>no head, no body</p>",
    ]

    /// Where serve writes the pages it serves: the site's hidden folder, not its output.
    static func preview(_ site: Fixture) -> String { site.root + "/.blog/preview" }

    @Test func servesPagesFoldersHeadAnd404() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let http = server.http

        let page = try http.get("/blog/2016/01/a/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["cache-control"] == "no-store")
        #expect(page.text.contains("Hello from the first post."))
        // In preview, absolute URLs point at the preview server, with base_url's path kept.
        #expect(page.text.contains("href=\"http://127.0.0.1:\(server.port)/blog/2016/01/a/\""))

        let folder = try http.get("/blog/2016/01/a")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/blog/2016/01/a/")
        #expect(try http.get("/").headers["location"] == "/blog/")

        let head = try http.get("/blog/2016/01/a/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["content-length"] == String(page.body.count))

        let missing = try http.get("/blog/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("<!DOCTYPE html>"))  // the theme's 404 page

        let css = try http.get("/blog/assets/style.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(try http.get("/blog/feed.xml").headers["content-type"] == "application/xml; charset=utf-8")
        #expect(try http.get("/blog/.blog-output").status == 404)
        #expect(try http.get("/blog/", method: "POST").status == 405)
    }

    @Test func requestsThatTryToLeaveTheOutputAreRefused() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        // A link inside the output that points outside it.
        try FileManager.default.createSymbolicLink(atPath: Self.preview(site) + "/blog-passwd", withDestinationPath: "/etc/passwd")
        for target in [
            "/blog/../../../../etc/passwd", "/../../../../etc/passwd",
            "/blog/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/blog/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/blog/%252e%252e/%252e%252e/etc/passwd", "/blog/..%5c..%5c..%5cetc%5cpasswd",
            "/blog/..\\..\\..\\etc\\passwd", "/blog/blog-passwd", "/blog/%00/etc/passwd",
            "/blog/..%2f..%2f..%2f..%2fetc%2fpasswd",
        ] {
            let response = try server.http.get(target)
            #expect([403, 404, 400].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.text.contains("root:"), "\(target) leaked /etc/passwd")
        }
    }

    @Test func liveReloadScriptIsInResponsesNotInFiles() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let page = try server.http.get("/blog/2016/01/a/")
        #expect(page.text.contains("/__blog/events"))
        let bare = try server.http.get("/blog/bare.html")
        #expect(bare.text.hasSuffix("</script>"))  // a page with no head or body gets it too
        let onDisk = try String(contentsOfFile: Self.preview(site) + "/2016/01/a/index.html", encoding: .utf8)
        #expect(!onDisk.contains("__blog"))
        #expect(try String(contentsOfFile: Self.preview(site) + "/bare.html", encoding: .utf8) == "<p>no head, no body</p>")
        let css = try server.http.get("/blog/assets/style.css")
        #expect(!css.text.contains("__blog"))
    }

    @Test func anEditReloadsAndABrokenEditShowsErrorsWhileServing() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let events = try server.http.connect(timeout: 15)
        defer { close(events) }
        RawHTTP.send(events, "GET /__blog/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(RawHTTP.read(events, until: ": connected").contains("text/event-stream"))

        try site.write(["posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nEdited while serving.\n"])
        // The edited page first (its tab reloads), then the rest of the site.
        let first = RawHTTP.read(events, until: "event: reload")
        #expect(first.contains(#""paths":["/blog/2016/01/a/"]"#), "\(first)")
        #expect(try server.http.get("/blog/2016/01/a/").text.contains("Edited while serving."))
        let complete = RawHTTP.read(events, until: #""complete":true"#)
        #expect(complete.contains("/blog/\""), "the home page lists the post: \(complete)")

        try site.write(["posts/a.md": "---\ntitle: First\ndate: 2016-13-45\n---\nBroken.\n"])
        let failed = RawHTTP.read(events, until: "event: failed")
        #expect(failed.contains("event: failed"))
        #expect(failed.contains("posts/a.md:3: error: cannot read date '2016-13-45'"))
        let stillServing = try server.http.get("/blog/2016/01/a/")
        #expect(stillServing.status == 200)
        #expect(stillServing.text.contains("Edited while serving."))  // the last good build

        try site.write(["posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nFixed.\n"])
        #expect(RawHTTP.read(events, until: "event: reload").contains("event: reload"))
        #expect(server.log.contains("posts/a.md:3: error: cannot read date"))
    }

    @Test func manyClientsGarbageAndHalfOpenConnections() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let http = server.http
        // A half-open connection that never sends a request, and one that sends garbage.
        let idle = try http.connect()
        defer { close(idle) }
        let garbage = try http.connect()
        RawHTTP.send(garbage, "\u{01}\u{02}NOT HTTP AT ALL\r\n\r\n\u{7f}")
        close(garbage)

        // 100 clients connected at once, then all ask, then all read.
        let sockets = try (0..<100).map { _ in try http.connect(timeout: 20) }
        for fd in sockets {
            RawHTTP.send(fd, "GET /blog/2016/01/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        }
        var ok = 0
        for fd in sockets {
            if let response = try? RawHTTP.parse(RawHTTP.readAll(fd)), response.status == 200,
                response.text.contains("Hello from the first post.")
            {
                ok += 1
            }
            close(fd)
        }
        #expect(ok == 100)
    }

    @Test func ctrlCStopsCleanly() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        let events = try server.http.connect()
        defer { close(events) }
        RawHTTP.send(events, "GET /__blog/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _ = RawHTTP.read(events, until: ": connected")
        #expect(server.interrupt() == 0)  // an open event stream does not hold it
        #expect(server.log.contains("Stopped."))
    }
}
