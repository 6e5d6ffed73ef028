import BlogServer
import Testing

/// The two pure decisions of the server: what the environment sets, and which names a
/// loopback server answers.
@Suite struct LimitsAndHostsTests {
    @Test func limitsDefaultAndComeFromTheEnvironment() throws {
        let defaults = try ServeLimits(environment: [:])
        #expect(defaults == ServeLimits())
        #expect(defaults.heartbeat == .seconds(5) && defaults.maxStreams == 256)
        #expect(defaults.headerTimeout == .seconds(10) && defaults.idleTimeout == .seconds(30))
        let set = try ServeLimits(environment: [
            "BLOG_SERVE_HEARTBEAT": "0.25", "BLOG_SERVE_MAX_STREAMS": "8",
            "BLOG_SERVE_HEADER_TIMEOUT": "2", "BLOG_SERVE_IDLE_TIMEOUT": "1.5",
        ])
        #expect(set.heartbeat == .milliseconds(250) && set.maxStreams == 8)
        #expect(set.headerTimeout == .seconds(2) && set.idleTimeout == .milliseconds(1500))
    }

    @Test(arguments: [
        ("BLOG_SERVE_HEARTBEAT", "abc"), ("BLOG_SERVE_HEADER_TIMEOUT", "0"),
        ("BLOG_SERVE_IDLE_TIMEOUT", "-3"), ("BLOG_SERVE_MAX_STREAMS", "1.5"),
    ])
    func badLimitsAreRefusedByName(name: String, value: String) {
        #expect {
            try ServeLimits(environment: [name: value])
        } throws: { error in
            "\(error)".hasPrefix("error: \(name) must be") && "\(error)".contains("'\(value)'")
        }
    }

    @Test func loopbackServersAnswerLoopbackNamesOnly() throws {
        for bound in ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"] {
            let check = try #require(HostCheck(bindHost: bound), "\(bound) is loopback")
            for name in ["localhost", "LOCALHOST:4000", "127.0.0.1:4000", "[::1]:4000", "[::1]", "localhost."] {
                #expect(check.allows(name), "bound to \(bound), Host: \(name)")
            }
            for name in ["evil.example", "evil.example:4000", "127.0.0.1.nip.io", "localhost.evil.example", "0.0.0.0", ""] {
                #expect(!check.allows(name), "bound to \(bound), Host: \(name)")
            }
            #expect(!check.allows(nil))
        }
        #expect(try #require(HostCheck(bindHost: "127.0.0.2")).allows("127.0.0.2:4000"))
        #expect(try #require(HostCheck(bindHost: "127.0.0.1")).allows("127.0.0.2") == false)
        for open in ["0.0.0.0", "::", "192.168.1.5", "example.com", "127.0.0.1.example.com"] {
            #expect(HostCheck(bindHost: open) == nil, "\(open) is not loopback: every name is answered")
        }
    }
}
