import Foundation

/// The file reads a build makes, behind a protocol so that a stage can be tested without disk
/// and so that all reading happens through one door. Paths are absolute.
public protocol FileSystem: Sendable {
    func contents(of path: String) throws -> Data
    /// The first bytes of a file (an image's header), without reading the rest.
    func prefix(of path: String, length: Int) -> Data?
    func isFile(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// Entries of a folder (names only), sorted; hidden entries left out unless asked for.
    func children(of path: String, includingHidden: Bool) -> [String]
    /// The path with symbolic links followed, to tell whether a file truly lies in a folder.
    func realPath(_ path: String) -> String
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func prefix(of path: String, length: Int) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: length)
    }

    public func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func children(of path: String, includingHidden: Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return (includingHidden ? names : names.filter { !$0.hasPrefix(".") }).sorted()
    }

    public func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension FileSystem {
    func children(of path: String) -> [String] { children(of: path, includingHidden: false) }
}

/// Site-relative path helpers: the pipeline names files relative to the site folder.
enum SitePath {
    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : b.isEmpty ? a : a + "/" + b
    }

    /// Resolves `.` and `..` segments; nil when the path climbs above its root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }
}
