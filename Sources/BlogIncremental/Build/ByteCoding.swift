import Foundation

/// A compact binary form for what a build keeps between runs of the command line: numbers as
/// variable-length integers, text as its length and UTF-8 bytes. JSON (Foundation's coders)
/// took longer to decode than the build step it saves.
package struct ByteWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 1 << 20) { bytes.reserveCapacity(capacity) }

    /// Empty again, keeping the memory (one writer reused for many small runs).
    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    package mutating func add(_ number: UInt64) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7f) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Eight bytes, least significant first, whatever the number (a checksum at a file's end).
    package mutating func add(littleEndian number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func add(_ number: Int) { add(Int64(number)) }
    /// Zig-zag: small negative numbers stay short.
    package mutating func add(_ number: Int64) { add(UInt64(bitPattern: (number << 1) ^ (number >> 63))) }
    package mutating func add(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            add(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func add(_ raw: UnsafeBufferPointer<UInt8>) {
        add(UInt64(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// A list of plain numbers, as this machine holds them in memory (its count first): the
    /// caller's format names the byte order.
    package mutating func add<T: FixedWidthInteger & BitwiseCopyable>(_ numbers: [T]) {
        add(UInt64(numbers.count))
        numbers.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    package mutating func add(_ data: Data) {
        add(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    package mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    package mutating func add(_ texts: [String]) { add(texts, each: { $0.add($1) }) }

    package mutating func add<T>(_ list: [T], each: (inout ByteWriter, T) -> Void) {
        add(UInt64(list.count))
        for item in list { each(&self, item) }
    }
}

/// Reads what `ByteWriter` wrote. Every read checks the bounds: a file cut short or written by
/// another version makes `failed` true and yields empty values, never a crash.
package struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    package private(set) var failed = false

    package init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    package var atEnd: Bool { offset == bytes.count }
    /// Bytes not read yet: a count of items larger is a damaged file.
    package var remaining: Int { bytes.count - offset }

    package mutating func unsigned() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        failed = true
        return 0
    }

    package mutating func int() -> Int {
        let signed = int64()
        guard let value = Int(exactly: signed) else { failed = true; return 0 }
        return value
    }

    package mutating func int64() -> Int64 {
        let zigzag = unsigned()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    package mutating func bool() -> Bool {
        guard offset < bytes.count else { failed = true; return false }
        offset += 1
        return bytes[offset - 1] != 0
    }

    /// The next length's worth of bytes, or nil (and `failed`) when they are not all there.
    private mutating func chunk() -> UnsafeRawBufferPointer? {
        let length = unsigned()
        guard !failed, length <= UInt64(bytes.count - offset) else { failed = true; return nil }
        let start = offset
        offset += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    }

    package mutating func string() -> String {
        guard let chunk = chunk() else { return "" }
        return String(decoding: chunk, as: UTF8.self)
    }

    /// The next length's worth of bytes, given to `take` without a copy (nothing when damaged).
    package mutating func rawBytes(_ take: (UnsafeRawBufferPointer) -> Void) {
        if let chunk = chunk() { take(chunk) }
    }

    /// A list `add(_: [T])` wrote; empty (and `failed`) when it is not all there.
    package mutating func array<T: FixedWidthInteger & BitwiseCopyable>(of type: T.Type) -> [T] {
        let count = unsigned()
        let size = MemoryLayout<T>.stride
        guard !failed, count <= UInt64(bytes.count - offset) / UInt64(size) else { failed = true; return [] }
        let start = offset
        offset += Int(count) * size
        return [T](unsafeUninitializedCapacity: Int(count)) { out, filled in
            if count > 0 { UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: bytes.baseAddress! + start, byteCount: Int(count) * size) }
            filled = Int(count)
        }
    }

    package mutating func data() -> Data {
        chunk().map { Data($0) } ?? Data()
    }

    package mutating func optionalString() -> String? {
        bool() ? string() : nil
    }

    package mutating func strings() -> [String] { list { $0.string() } }

    package mutating func list<T>(_ each: (inout ByteReader) -> T) -> [T] {
        let count = unsigned()
        // Each item takes a byte at least: a larger count is a damaged file.
        guard !failed, count <= UInt64(bytes.count - offset) else { failed = true; return [] }
        var items: [T] = []
        items.reserveCapacity(Int(count))
        for _ in 0..<count {
            items.append(each(&self))
            if failed { return [] }
        }
        return items
    }
}
