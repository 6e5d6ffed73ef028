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
