import BlogKit
import Foundation

/// Tells every open tab about builds, over server-sent events: `reload` after a good build,
/// `failed` (with the diagnostics) after a bad one. A tab that connects while the site is
/// broken hears `failed` at once, so a page opened then shows the errors too.
public actor LiveReload {
    public static let endpoint = "/__blog/events"
    /// The largest HTML file that gets the script: it is held in memory to be changed, while
    /// every other file is streamed. Generated pages are far smaller; one larger is sent as
    /// it is, without live reload.
    public static let largestPage = 4 * 1024 * 1024
    /// When a tab refused for want of a stream asks again.
    public static let retryAfterSeconds = 10

    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    private var lastFailure: String?
    private let heartbeat: Duration
    private let maxStreams: Int
    private var heartbeatTask: Task<Void, Never>?

    /// - Parameters:
    ///   - heartbeat: between two `: ping` comments, which find the streams of closed tabs.
    ///   - maxStreams: streams open at once; `subscribe` refuses one more.
    public init(heartbeat: Duration = ServeLimits().heartbeat, maxStreams: Int = ServeLimits().maxStreams) {
        self.heartbeat = heartbeat
        self.maxStreams = maxStreams
    }

    /// One tab's stream. Dropping it gives its place back: whether the stream ended, its
    /// socket failed, or its response was never sent at all.
    public final class Subscription: Sendable {
        public let stream: AsyncStream<String>
        let id: UUID
        let owner: LiveReload

        init(stream: AsyncStream<String>, id: UUID, owner: LiveReload) {
            self.stream = stream
            self.id = id
            self.owner = owner
        }

        deinit { Task { [owner, id] in await owner.unsubscribe(id) } }
    }

    /// A stream of SSE-formatted messages for one tab, or nil when `maxStreams` are open.
    public func subscribe() -> Subscription? {
        guard clients.count < maxStreams else { return nil }
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        clients[id] = continuation
        continuation.yield("retry: 500\n: connected\n\n")
        if let lastFailure { continuation.yield(lastFailure) }
        startHeartbeat()
        return Subscription(stream: stream, id: id, owner: self)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    public var openStreams: Int { clients.count }

    /// A tab that closes says nothing to the server; only a write to its socket fails. So
    /// every stream gets a comment, which EventSource ignores, every `heartbeat`.
    private func startHeartbeat() {
        guard heartbeatTask == nil else { return }
        heartbeatTask = Task { [weak self, heartbeat] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                await self?.broadcast(": ping\n\n")
            }
        }
    }

    /// - Parameters:
    ///   - paths: URL paths of the pages that changed; a tab reloads when it shows one of them.
    ///   - complete: the whole site is built (the pages of a saved post come first).
    public func buildSucceeded(paths: [String], complete: Bool) {
        lastFailure = nil
        broadcast("event: reload\ndata: \(Self.encoded(Reload(complete: complete, paths: paths), empty: "{}"))\n\n")
    }

    public func buildFailed(_ diagnostics: [Diagnostic]) {
        let message = "event: failed\ndata: \(Self.json(diagnostics))\n\n"
        lastFailure = message
        broadcast(message)
    }

    /// Ends every stream, so that the server can stop without waiting for tabs.
    public func closeAll() {
        heartbeatTask?.cancel()
        heartbeatTask = nil
        for continuation in clients.values { continuation.finish() }
        clients.removeAll()
    }

    private func broadcast(_ message: String) {
        for continuation in clients.values { continuation.yield(message) }
    }

    /// What a `reload` event says to the page's script.
    struct Reload: Encodable {
        var complete: Bool
        var paths: [String]
    }

    /// A problem as the page's overlay shows it.
    struct Problem: Encodable {
        var file: String
        var line: Int
        var message: String
        var severity: String
        var text: String
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        let problems = diagnostics.map {
            Problem(file: $0.location.file, line: $0.location.line ?? 0, message: $0.message, severity: $0.severity.rawValue, text: $0.description)
        }
        return encoded(problems, empty: "[]")
    }

    private static func encoded(_ value: some Encodable, empty: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? empty
    }

    /// Added to HTML responses only (never to the files on disk): listens for build events.
    /// EventSource reconnects by itself after a network error but gives up for good on any
    /// status other than 200, such as the 503 of a server with all its streams taken; then
    /// the script tries again after the `Retry-After` of that answer.
    static let script = """
        <script>/* blog serve: live reload */(function c(){var s=new EventSource("\(endpoint)");\
        s.onerror=function(){if(s.readyState===2)setTimeout(c,\(retryAfterSeconds)*1000)};\
        s.addEventListener("reload",function(e){var d={};try{d=JSON.parse(e.data)}catch(x){}\
        var here=location.pathname.replace(/index\\.html$/,"");\
        if(!d.paths||d.paths.indexOf(here)>=0||document.getElementById("blog-errors"))location.reload()});\
        s.addEventListener("failed",function(e){var d=JSON.parse(e.data),o=document.getElementById("blog-errors");\
        if(!o){o=document.createElement("div");o.id="blog-errors";o.setAttribute("role","alert");\
        o.style.cssText="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;\
        background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";\
        (document.body||document.documentElement).appendChild(o)}\
        o.textContent="blog: the last build failed; this page shows the last good build.\\n\\n"+\
        d.map(function(x){return x.text}).join("\\n")});})();</script>
        """

    /// Puts the script before `</body>`, else before `</html>`, else at the end: a page
    /// with no `<head>` or `<body>` gets it too.
    public static func inject(into html: String) -> String {
        for tag in ["</body>", "</html>"] {
            if let range = html.range(of: tag, options: [.caseInsensitive, .backwards]) {
                var result = html
                result.insert(contentsOf: script, at: range.lowerBound)
                return result
            }
        }
        return html + script
    }
}
