import Foundation

/// A site folder in a temporary directory, made from inline files, removed when the test ends.
final class Fixture: @unchecked Sendable {
    let root: String

    init(files: [String: Any]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("blog-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try write(files)
    }

    func write(_ files: [String: Any]) throws {
        for (path, content) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = (content as? Data) ?? Data("\(content)".utf8)
            try data.write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The start of a PNG: enough for a size reader, not for a viewer.
    static func png(width: UInt32, height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8)
        for value in [width, height] { bytes += withUnsafeBytes(of: value.bigEndian, Array.init) }
        bytes += [8, 6, 0, 0, 0, 0, 0, 0, 0]
        return Data(bytes)
    }
}
