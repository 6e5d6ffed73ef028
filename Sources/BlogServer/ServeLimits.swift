import Foundation

/// How long the preview server waits for clients and how many live-reload streams it keeps:
/// the bounds that stop forgotten tabs and slow or idle sockets from using up its file
/// descriptors. Each can be changed by an environment variable (in seconds, fractions
/// allowed), which is how the tests make them short.
public struct ServeLimits: Sendable, Equatable {
    /// Between two `: ping` comments on every live-reload stream. The write to the socket of
    /// a closed tab fails, which is the only way to learn that the tab is gone.
    public var heartbeat: Duration = .seconds(5)
    /// Live-reload streams open at once; one more gets 503.
    public var maxStreams = 256
    /// For the whole first request (head and body) of a connection to arrive.
    public var headerTimeout: Duration = .seconds(10)
    /// For the next request to arrive on a kept-alive connection after a response.
    public var idleTimeout: Duration = .seconds(30)

    public init() {}

    public static let variables = (
        heartbeat: "BLOG_SERVE_HEARTBEAT", maxStreams: "BLOG_SERVE_MAX_STREAMS",
        headerTimeout: "BLOG_SERVE_HEADER_TIMEOUT", idleTimeout: "BLOG_SERVE_IDLE_TIMEOUT"
    )

    /// The defaults, with what the environment sets instead.
    /// - Throws: `LimitError` naming the variable when a value is not a positive number.
    public init(environment: [String: String]) throws {
        let names = Self.variables
        if let value = environment[names.heartbeat] { heartbeat = try Self.duration(value, names.heartbeat) }
        if let value = environment[names.headerTimeout] { headerTimeout = try Self.duration(value, names.headerTimeout) }
        if let value = environment[names.idleTimeout] { idleTimeout = try Self.duration(value, names.idleTimeout) }
        if let value = environment[names.maxStreams] {
            guard let count = Int(value), count > 0 else {
                throw LimitError(description: "error: \(names.maxStreams) must be a whole number above 0, not '\(value)'")
            }
            maxStreams = count
        }
    }

    private static func duration(_ value: String, _ name: String) throws -> Duration {
        guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
            throw LimitError(description: "error: \(name) must be a number of seconds above 0, not '\(value)'")
        }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}

public struct LimitError: Error, CustomStringConvertible {
    public var description: String
}
