import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client keeps it open without finishing a request: one that sends
/// nothing, or a request head a byte at a time (slowloris), or that stays silent after its
/// response. Each such socket holds one of the server's file descriptors; a few hundred of
/// them would otherwise stop it from accepting anyone.
///
/// The clock runs while the server waits for a request and stops once the whole request has
/// arrived, so a response that takes long, above all a live-reload stream, is never cut. A
/// deadline rather than an idle timer: an idle timer is reset by every byte, and a client
/// that trickles one byte a second would keep it from ever firing.
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let idleTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    /// Requests begun whose response has not ended: while there are any and none is still
    /// arriving, the server is the one the connection waits for.
    private var unanswered = 0
    private var readingRequest = false
    private var started = false

    init(limits: ServeLimits) {
        headerTimeout = Self.timeAmount(limits.headerTimeout)
        idleTimeout = Self.timeAmount(limits.idleTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingRequest = true
            unanswered += 1
            // Pipelined behind a request being answered, when no clock runs.
            if deadline == nil { arm(context, headerTimeout) }
        case .body:
            break
        case .end:
            readingRequest = false
            // Answered before its body ended (405 to a POST): the next request is awaited.
            if unanswered > 0 { disarm() } else { arm(context, idleTimeout) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            unanswered = max(0, unanswered - 1)
            // A request still arriving keeps the clock it has; else the next one has the
            // idle time to come in full (a pipelined one may already be half here).
            if unanswered == 0 && !readingRequest { arm(context, idleTimeout) }
        }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        arm(context, headerTimeout)
    }

    private func arm(_ context: ChannelHandlerContext, _ timeout: TimeAmount) {
        deadline?.cancel()
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            context.close(promise: nil)
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
