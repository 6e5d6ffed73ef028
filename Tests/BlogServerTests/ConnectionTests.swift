import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Connections from clients that are slow, silent or not who they should be: sockets that
/// never finish a request, kept-alive sockets left idle, and a page of another site that
/// reaches the loopback server under its own name (DNS rebinding).
extension ServeTests {
    @Test func silentAndTricklingSocketsAreCutAtTheHeaderDeadline() throws {
        raiseOpenFileLimit()
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site, environment: ["BLOG_SERVE_HEADER_TIMEOUT": "2"])
        defer { server.interrupt() }
        let http = server.http
        let baseline = server.openFileCount
        let started = Date()
        let partial = try (0..<500).map { _ in try http.connect(timeout: 10) }
        for fd in partial { RawHTTP.send(fd, "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
        defer { for fd in partial { close(fd) } }

        // Everyone else is still served while they wait.
        let page = try http.get("/blog/2016/01/a/")
        #expect(page.status == 200)
        #expect(page.text.contains("Hello from the first post."))
        #expect(server.openFileCount >= baseline + 500)

        // A byte a second: each would restart an idle timer, none moves the deadline.
        let trickler = try http.connect(timeout: 10)
        defer { close(trickler) }
        let connected = Date()
        RawHTTP.send(trickler, "GET /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        var cutAfter: Double?
        for _ in 0..<6 where cutAfter == nil {
            RawHTTP.send(trickler, "a")
            if RawHTTP.closedByServer(trickler, within: 1) { cutAfter = Date().timeIntervalSince(connected) }
        }
        #expect(cutAfter != nil, "a byte a second must not keep a connection")
        #expect((cutAfter ?? 0) >= 1.5, "closed before its deadline")
        // Answered at once (405), but its body never ends: it is not left waiting either.
        let unfinished = try http.connect(timeout: 10)
        defer { close(unfinished) }
        RawHTTP.send(unfinished, "POST /blog/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nabc")
        #expect(RawHTTP.read(unfinished, until: "\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        #expect(RawHTTP.closedByServer(unfinished, within: 4))

        let deadline = started.addingTimeInterval(8)
        let closed = partial.filter { RawHTTP.closedByServer($0, within: deadline.timeIntervalSinceNow) }.count
        #expect(closed == 500)
        let released = server.waitForOpenFiles(atMost: baseline + 10, within: 10)
        #expect(released.count <= baseline + 10, "open files: \(baseline) before, \(released.count) after")
        print("half-open sockets: open files \(baseline) before, \(released.count) after; "
            + String(format: "trickler cut after %.1f s, all 500 closed by %.1f s", cutAfter ?? -1, Date().timeIntervalSince(started)))
    }

    @Test func idleKeptAliveConnectionsCloseButStreamsStay() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(
            site: site, environment: ["BLOG_SERVE_IDLE_TIMEOUT": "1.5", "BLOG_SERVE_HEARTBEAT": "0.5"])
        defer { server.interrupt() }
        let stream = try server.http.openEvents()
        defer { close(stream.fd) }
        #expect(stream.status == 200)

        let kept = try server.http.connect(timeout: 10)
        defer { close(kept) }
        RawHTTP.send(kept, "GET /blog/2016/01/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(RawHTTP.read(kept, until: "</html>").contains("Hello from the first post."))
        // A second request on the same connection within the idle time is answered.
        Thread.sleep(forTimeInterval: 0.5)
        RawHTTP.send(kept, "GET /blog/2016/01/a/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(RawHTTP.read(kept, until: "</html>").contains("Hello from the first post."))
        let idleSince = Date()
        #expect(RawHTTP.closedByServer(kept, within: 5))
        #expect(Date().timeIntervalSince(idleSince) >= 1.2, "closed before the idle timeout")

        // The stream outlived the idle timeout: it is a response in progress, not idleness.
        #expect(RawHTTP.read(stream.fd, until: ": ping").contains(": ping"))
        #expect(!RawHTTP.closedByServer(stream.fd, within: 0.1))
    }

    @Test func onlyLoopbackNamesAreAnsweredOnLoopback() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let http = server.http
        for host in ["evil.example", "evil.example:\(server.port)", "127.0.0.1.evil.example", "localhost.evil.example:\(server.port)"] {
            let refused = try http.get("/blog/", host: host)
            #expect(refused.status == 421, "Host: \(host)")
            #expect(refused.text.contains("DNS rebinding"))
            #expect(!refused.text.contains("Hello"))
        }
        #expect(try http.get(LiveReloadPath.events, host: "evil.example").status == 421)
        for host in ["localhost:\(server.port)", "127.0.0.1:\(server.port)", "localhost", "[::1]:\(server.port)", "LocalHost"] {
            #expect(try http.get("/blog/", host: host).status == 200, "Host: \(host)")
        }
        let noHost = try http.connect()
        defer { close(noHost) }
        RawHTTP.send(noHost, "GET /blog/ HTTP/1.0\r\nConnection: close\r\n\r\n")
        #expect(try RawHTTP.parse(RawHTTP.readAll(noHost)).status == 421)
    }

    @Test func anyNameIsAnsweredWhenBoundBeyondLoopback() throws {
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site, arguments: ["--host", "0.0.0.0"])
        defer { server.interrupt() }
        #expect(try server.http.get("/blog/", host: "my-laptop.lan:\(server.port)").status == 200)
    }
}
