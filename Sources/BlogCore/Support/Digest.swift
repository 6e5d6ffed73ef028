import Foundation

/// Stable digests of the values pages are made from (FNV-1a, the same in every run).
package struct Digest {
    private var hasher = FNV1a()

    package var value: UInt64 { hasher.value }

    package mutating func add(_ text: String) { hasher.add(text) }
    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }
    package mutating func add(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { hasher.add(bytes: $0) }
    }
    package mutating func add(_ flag: Bool) { hasher.add(flag ? "1" : "0") }
    package mutating func add(_ data: Data) { hasher.add(bytes: data) }
    package mutating func add(_ texts: [String]) {
        add(texts.count)
        for text in texts { add(text) }
    }

    package static func of(_ build: (inout Digest) -> Void) -> UInt64 {
        var digest = Digest()
        build(&digest)
        return digest.value
    }
}

/// A small, stable hash (FNV-1a, 64 bits): the same value in every run, unlike `Hasher`.
package struct FNV1a {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ text: String) {
        add(bytes: text.utf8)
    }

    package mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        value ^= 0xff  // an end mark: ("ab", "c") and ("a", "bc") differ
        value = value &* 0x100_0000_01b3
    }
}
