import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Live-reload streams over a long preview session: tabs closed without a word, more tabs
/// than the server keeps streams for. Held to the server's open files, which ran out before.
extension ServeTests {
    @Test func streamsOfClosedTabsAreReleased() throws {
        raiseOpenFileLimit()
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site, environment: ["BLOG_SERVE_HEARTBEAT": "0.25"])
        defer { server.interrupt() }
        #expect(try server.http.get("/blog/").status == 200)
        let baseline = server.openFileCount
        var opened = 0
        var peak = 0
        var slowest = 0.0
        for _ in 0..<10 {
            let batch = try (0..<100).map { _ in try server.http.openEvents() }
            opened += batch.filter { $0.status == 200 }.count
            peak = max(peak, server.openFileCount)
            for stream in batch { close(stream.fd) }
            // The next batch once most of this one is gone, to stay below the stream cap.
            slowest = max(slowest, server.waitForOpenFiles(atMost: baseline + 50, within: 10).seconds)
        }
        #expect(opened == 1000)
        #expect(peak >= baseline + 100, "the open streams should have held sockets: \(baseline) → \(peak)")
        let released = server.waitForOpenFiles(atMost: baseline + 10, within: 30)
        #expect(released.count <= baseline + 10, "open files: \(baseline) before, \(released.count) after")
        let started = Date()
        #expect(try server.http.get("/blog/2016/01/a/").status == 200)
        let answered = Date().timeIntervalSince(started)
        #expect(answered < 2)
        print("closed tabs: open files \(baseline) before, peak \(peak), \(released.count) after; "
            + String(format: "a batch of 100 released in at most %.2f s; next page in %.0f ms", slowest, answered * 1000))
    }

    @Test func oneStreamTooManyGets503UntilOneCloses() throws {
        raiseOpenFileLimit()
        let site = try Fixture(files: Self.files)
        let server = try ServeProcess(site: site, environment: ["BLOG_SERVE_HEARTBEAT": "0.25"])
        defer { server.interrupt() }
        let streams = try (0..<256).map { _ in try server.http.openEvents() }
        defer { for stream in streams.dropFirst(2) { close(stream.fd) } }
        #expect(streams.allSatisfy { $0.status == 200 })
        let extra = try server.http.get(LiveReloadPath.events)
        #expect(extra.status == 503)
        #expect(extra.text.contains("too many live-reload streams"))
        #expect(extra.headers["retry-after"] == "10")
        #expect(try server.http.get("/blog/").status == 200, "pages are still served")

        for stream in streams.prefix(2) { close(stream.fd) }
        #expect(Self.eventually(within: 10) {
            guard let again = try? server.http.openEvents(timeout: 2) else { return false }
            close(again.fd)
            return again.status == 200
        }, "a closed tab's place is given back")
    }
}

enum LiveReloadPath {
    static let events = "/__blog/events"
}
