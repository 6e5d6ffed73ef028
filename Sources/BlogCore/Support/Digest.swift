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
    /// Over the bytes in place: iterating `Data` as a sequence made digesting a blog's images
    /// (hundreds of megabytes) take seconds.
    package mutating func add(_ data: Data) { data.withUnsafeBytes { hasher.add(raw: $0) } }
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
/// Inlinable: the layers above call it per byte (checksums of the saved build, digests of
/// pages), and a generic across a module boundary is not specialized otherwise.
package struct FNV1a {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package var value: UInt64 { state }

    @inlinable package init() {}

    /// Over the string's UTF-8 in place: iterating `utf8` took several times longer, and
    /// every post's text and every page's key passes through here.
    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    /// The same as `add(bytes:)` over memory: a plain call from any module, where the generic
    /// one would run unspecialized (a post's text is kilobytes, its page more).
    package mutating func add(raw bytes: UnsafeRawBufferPointer) {
        add(bytes: bytes)
    }

    @inlinable package mutating func add<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x100_0000_01b3
        }
        state ^= 0xff  // an end mark: ("ab", "c") and ("a", "bc") differ
        state = state &* 0x100_0000_01b3
    }
}
