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

    /// The start of a PNG: enough for a size reader, not for a viewer.
    public static func png(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        for value in [width, height] { bytes += withUnsafeBytes(of: value.bigEndian, Array.init) }
        bytes += [8, 6, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes)
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
