/// Which `Host` headers a server bound to loopback answers. A web page on any site can make
/// its own name resolve to 127.0.0.1 (DNS rebinding) and then read the preview as if it were
/// its own origin; the browser still sends that name as `Host`, so refusing names other than
/// the loopback ones closes the hole. Any port is accepted: the name is what tells a
/// rebinding page apart, and a forwarded port (ssh -L 8080:localhost:4000) keeps working.
public struct HostCheck: Sendable {
    let allowed: Set<String>

    /// nil when `bindHost` is not a loopback address: a server meant to be reached from other
    /// machines answers whatever name they use for it.
    public init?(bindHost: String) {
        let bound = Self.bareName(bindHost)
        guard Self.isLoopback(bound) else { return nil }
        allowed = ["localhost", "127.0.0.1", "::1", bound]
    }

    /// - Parameter authority: the request's `Host` header, `name`, `name:port` or `[v6]:port`.
    public func allows(_ authority: String?) -> Bool {
        guard let authority else { return false }
        return allowed.contains(Self.bareName(Self.withoutPort(authority)))
    }

    /// `127.0.0.0/8`, `::1` and `localhost`.
    static func isLoopback(_ name: String) -> Bool {
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Lower case, without the brackets of an IPv6 literal or a final dot (`localhost.`).
    static func bareName(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    static func withoutPort(_ authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return authority }
            return String(authority[...close])
        }
        guard let colon = authority.lastIndex(of: ":") else { return authority }
        return String(authority[..<colon])
    }
}
