import Foundation

/// A site folder in a temporary directory, made from inline files, removed when the test ends.
public final class Fixture: @unchecked Sendable {
    public let root: String

    public init(files: [String: Any]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("blog-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write(files)
    }

    public func write(_ files: [String: Any]) throws {
        for (path, content) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = (content as? Data) ?? Data("\(content)".utf8)
            try data.write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// A whole PNG, white, 1 bit a pixel, its pixels stored uncompressed (no zlib needed): a
    /// decoder reads it as any other, so that images are published as variants as a
    /// writer's are.
    public static func png(width: UInt32, height: UInt32) -> Data {
        var header: [UInt8] = []
        for value in [width, height] { header += withUnsafeBytes(of: value.bigEndian, Array.init) }
        header += [1, 0, 0, 0, 0]
        let row = [0] + [UInt8](repeating: 0xFF, count: (Int(width) + 7) / 8)
        var pixels: [UInt8] = []
        pixels.reserveCapacity(row.count * Int(height))
        for _ in 0..<height { pixels += row }
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", stored(pixels)) + chunk("IEND", []))
    }

    private static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + typed + withUnsafeBytes(of: crc32(typed).bigEndian, Array.init)
    }

    /// A zlib stream of stored (uncompressed) deflate blocks.
    private static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65_535, bytes.count)
            let length = UInt16(end - start)
            out += [end == bytes.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        var (a, b): (UInt32, UInt32) = (1, 0)
        for byte in bytes { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + withUnsafeBytes(of: (b << 16 | a).bigEndian, Array.init)
    }

    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// The files under a folder, as paths relative to it (folders themselves left out).
public func filePaths(under folder: String) -> [String] {
    var paths: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue { paths.append(path) }
    }
    return paths
}

/// Every file of a folder with its bytes.
public func filesUnder(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in filePaths(under: folder) { result[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
    return result
}

/// A folder of the team's shared data (`specs`, `corpora`): in `BLOG_SHARED`, else
/// `../shared` beside the repository, else `/work/shared`, where this machine keeps it.
public func sharedData(_ name: String) -> String? {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates: [String?] = [
        ProcessInfo.processInfo.environment["BLOG_SHARED"],
        repository.deletingLastPathComponent().appendingPathComponent("shared").path, "/work/shared",
    ]
    return candidates.compactMap { $0.map { $0 + "/" + name } }.first { FileManager.default.fileExists(atPath: $0) }
}

/// The `blog` executable built beside the test bundle (`.build/debug/blog`).
public let blogExecutable: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [beside, beside.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("blog").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return package.appendingPathComponent(".build/debug/blog").path
}()

/// SplitMix64: a small generator whose sequence depends on its seed alone, for the seeded
/// random walks of edits (the same walk for the same seed on every machine).
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
