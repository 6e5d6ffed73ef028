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
    /// Whether a folder's entries can be read (false for a missing or unreadable folder).
    func canList(_ path: String) -> Bool
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

    // stat and readdir directly: a site of 10,000 posts is 30,000 of these calls, and
    // FileManager's path conversions cost more than the calls themselves.
    public func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFDIR
    }

    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    public func children(of path: String, includingHidden: Bool) -> [String] {
        FolderEntry.list(path).map(\.name).filter { includingHidden || !$0.hasPrefix(".") }.sorted()
    }

    public func canList(_ path: String) -> Bool {
        guard let folder = opendir(path) else { return false }
        closedir(folder)
        return true
    }

    public func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// One entry of a folder as `readdir` gives it: the type comes with the name, so walking a
/// folder of 30,000 files needs no `stat` per entry (FileManager's enumerator took seconds).
struct FolderEntry {
    var name: String
    /// A folder itself, not a link to one: walks never follow links.
    var isFolder: Bool
    /// A symbolic link (to a file or a folder): only these need a `stat` to be followed.
    var isLink = false

    /// The entries of `path` but `.` and `..`, unsorted; none when it cannot be read.
    static func list(_ path: String) -> [FolderEntry] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        return read(folder)
    }

    /// The entries of an open folder but `.` and `..`.
    static func read(_ folder: OpaquePointer) -> [FolderEntry] {
        var entries: [FolderEntry] = []
        while let entry = readdir(folder) {
            // Read where it lies (d_name may be longer than its declared 256 bytes); a name
            // that is not UTF-8 cannot be named back, so it is left alone.
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let bytes = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
            guard let name = String(validatingCString: bytes), name != ".", name != ".." else { continue }
            var isFolder = Int32(entry.pointee.d_type) == DT_DIR
            var isLink = Int32(entry.pointee.d_type) == DT_LNK
            if Int32(entry.pointee.d_type) == DT_UNKNOWN {  // file systems that do not say
                var info = stat()
                let known = fstatat(dirfd(folder), name, &info, AT_SYMLINK_NOFOLLOW) == 0
                isFolder = known && info.st_mode & S_IFMT == S_IFDIR
                isLink = known && info.st_mode & S_IFMT == S_IFLNK
            }
            entries.append(FolderEntry(name: name, isFolder: isFolder, isLink: isLink))
        }
        return entries
    }
}

extension FileSystem {
    func children(of path: String) -> [String] { children(of: path, includingHidden: false) }

    /// The one rule for symbolic links, for posts, pages, images and static files alike: a
    /// file is published only if, links followed, it lies inside the site folder (`realRoot`,
    /// itself resolved). A link inside the site is fine; one that leads out could publish
    /// anything the writer's account can read.
    func liesInside(_ path: String, realRoot: String) -> Bool {
        isInside(realPath(path), realRoot)
    }
}

/// Site-relative path helpers: the pipeline names files relative to the site folder.
enum SitePath {
    static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : b.isEmpty ? a : a + "/" + b
    }

    /// Whether a part of the path is hidden (a name starting with a dot, but `.` and `..`).
    static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
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
