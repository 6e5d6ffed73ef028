import BlogCore
import Testing

/// The image store names entries by this hash: it must be XXH64 as published, or every
/// writer's store would be made again by a build that computes it differently.
@Suite struct ContentHashTests {
    /// Values of the reference implementation (libxxhash 0.8, seed 0), through every path:
    /// the short input, the 8-, 4- and 1-byte tails, and the 32-byte lanes.
    @Test func matchesTheReference() {
        let inputs: [([UInt8], UInt64)] = [
            ([], 0xef46_db37_51d8_e999),
            (Array("a".utf8), 0xd24e_c4f1_a98c_6e5b),
            (Array("abc".utf8), 0x44bc_2cf5_ad77_0999),
            (Array("0123456789abcdefghij".utf8), 0x45c2_c0e1_eb35_a0b6),
            (Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("tail!".utf8), 0x26bb_ff34_e506_daff),
        ]
        for (bytes, expected) in inputs {
            #expect(bytes.withUnsafeBytes(ContentHash.xxh64) == expected, "\(bytes.count) bytes")
        }
    }
}
