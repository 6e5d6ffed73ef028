import BlogKit
import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

/// Serves the preview folder over HTTP: files as a web server would serve them, the
/// theme's 404 page, no caching, and the live-reload script added to HTML on the way out.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let lookup: OutputLookup
    let liveReload: LiveReload
    let hosts: HostCheck?

    /// - Parameter hosts: the `Host` names to answer; nil answers any.
    public init(lookup: OutputLookup, liveReload: LiveReload, hosts: HostCheck?) {
        self.lookup = lookup
        self.liveReload = liveReload
        self.hosts = hosts
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if let hosts, !hosts.allows(request.head.authority) {
            let name = request.head.authority.map { "'\($0)'" } ?? "none"
            return text(.misdirectedRequest, """
                421 misdirected request: this preview server answers only to localhost, 127.0.0.1 \
                and [::1], not to the name \(name). Another name could be a web page reaching it \
                through DNS rebinding. To preview from another machine, run blog serve --host 0.0.0.0.

                """, head: request.method == .head)
        }
        guard request.method == .get || request.method == .head else {
            return text(.methodNotAllowed, "405 method not allowed\n", head: false, extra: [.allow: "GET, HEAD"])
        }
        let isHead = request.method == .head
        if request.uri.path == LiveReload.endpoint { return await events() }
        switch lookup.resolve(request.uri.path) {
        case .file(let path):
            if let found = try await file(path, status: .ok, head: isHead) { return found }
            // Gone since the lookup: a rebuild removed it.
            return try await notFound(head: isHead)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return text(.movedPermanently, "moved to \(location)\n", head: isHead, extra: [.location: location + query])
        case .forbidden:
            return text(.forbidden, "403 forbidden\n", head: isHead)
        case .notFound:
            return try await notFound(head: isHead)
        }
    }

    private func notFound(head: Bool) async throws -> Response {
        if let page = try await file(lookup.root + "/404.html", status: .notFound, head: head) { return page }
        return text(.notFound, "404 not found\n", head: head)
    }

    /// A file streamed from disk; an HTML page small enough to hold gets the live-reload
    /// script, and a larger one (rare: a listing that is not paginated) is streamed as it is,
    /// so that no response makes the server hold more than `LiveReload.largestPage`.
    /// - Returns: nil when no regular file is at `path`.
    private func file(_ path: String, status: HTTPResponse.Status, head: Bool) async throws -> Response? {
        guard let file = OpenedFile(path: path) else { return nil }
        let type = OutputLookup.contentType(of: path)
        if type.hasPrefix("text/html") && file.size <= LiveReload.largestPage {
            let page = try await file.read(at: 0, count: file.size)
            let html = LiveReload.inject(into: String(buffer: page))
            return response(status, type: type, body: ByteBuffer(string: html), head: head)
        }
        return Response(status: status, headers: headers(type: type, length: file.size), body: head ? ResponseBody() : file.body())
    }

    private func text(_ status: HTTPResponse.Status, _ body: String, head: Bool, extra: HTTPFields = [:]) -> Response {
        response(status, type: "text/plain; charset=utf-8", body: ByteBuffer(string: body), head: head, extra: extra)
    }

    private func response(_ status: HTTPResponse.Status, type: String, body: ByteBuffer, head: Bool, extra: HTTPFields = [:]) -> Response {
        var headers = headers(type: type, length: body.readableBytes)
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: head ? ByteBuffer() : body))
    }

    private func headers(type: String, length: Int) -> HTTPFields {
        [
            .contentType: type,
            .contentLength: String(length),
            // A preview must never show a stale page.
            .cacheControl: "no-store",
        ]
    }

    /// Server-sent events until the tab goes away (a heartbeat's write fails) or the server
    /// stops. When all streams are taken the tab is refused rather than an older one closed:
    /// a closed EventSource reconnects at once and would close the next, round and round.
    private func events() async -> Response {
        guard let subscription = await liveReload.subscribe() else {
            return text(.serviceUnavailable, "503 too many live-reload streams are open; this tab will ask again later\n",
                        head: false, extra: [.retryAfter: String(LiveReload.retryAfterSeconds)])
        }
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A write to the socket of a closed tab throws, which ends this loop and drops
            // the subscription (giving its place back) and the connection.
            for await message in subscription.stream {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }
}

extension PreviewResponder {
    /// HTTP/1.1 with the deadlines of `limits` on every connection. Hummingbird's own idle
    /// timeout is left off: its clock restarts with every part of a request, so a body sent a
    /// byte at a time holds a connection for ever; here the whole request has one deadline.
    public static func server(limits: ServeLimits) -> HTTPServerBuilder {
        .http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadlineHandler(limits: limits)]))
    }
}
