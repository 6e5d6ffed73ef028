import Foundation

/// What a path is, links followed: the one look every reader takes before it opens anything.
/// Only regular files are read; a FIFO, socket or device is named and never opened (opening a
/// FIFO waits for a writer, forever).
public enum FileKind: Equatable, Sendable {
    case missing
    case file
    case folder
    /// Not a regular file nor a folder: what it is, for the message ("a named pipe (FIFO)").
    case special(String)

    package init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .special("a named pipe (FIFO)")
        case S_IFSOCK: self = .special("a socket")
        case S_IFCHR, S_IFBLK: self = .special("a device")
        default: self = .special("not a regular file")
        }
    }
}

/// The file reads a build makes, behind a protocol so that a stage can be tested without disk
/// and so that all reading happens through one door. Paths are absolute.
public protocol FileSystem: Sendable {
    /// A regular file's bytes; anything else (a FIFO, a folder) throws without blocking.
    func contents(of path: String) throws -> Data
    /// The first bytes of a regular file (an image's header), without reading the rest.
    func prefix(of path: String, length: Int) -> Data?
    /// What the path is, links followed.
    func kind(of path: String) -> FileKind
    /// Entries of a folder (names only), sorted; hidden entries left out unless asked for;
    /// nil when the folder cannot be read (a permission), which callers must report: an
    /// unreadable folder read as empty would unpublish its posts without a word. Names that
    /// are not UTF-8 come apart, to be reported too.
    func folder(_ path: String, includingHidden: Bool) -> FolderNames?
    /// The path with symbolic links followed, to tell whether a file truly lies in a folder.
    func realPath(_ path: String) -> String
    /// Device and inode, links followed: the same folder however it is reached.
    func identity(of path: String) -> FileIdentity?
    /// Whether the path itself is a symbolic link.
    func isLink(_ path: String) -> Bool
}

/// A file's device and inode.
public struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
}

/// A folder's entries as `FileSystem.folder` gives them.
public struct FolderNames: Sendable, Equatable {
    /// Sorted.
    public var names: [String]
    /// Entries whose names are not UTF-8 (an archive unpacked from another system's
    /// encoding): no path can name them, so they cannot be read or published. Shown with
    /// each byte that is not UTF-8 as `\xNN`, sorted.
    public var undecodable: [String] = []

    public init(names: [String], undecodable: [String] = []) {
        (self.names, self.undecodable) = (names, undecodable)
    }
}

extension FileSystem {
    /// The names of a folder's entries (`folder`), sorted; nil when it cannot be read.
    package func children(of path: String, includingHidden: Bool) -> [String]? {
        folder(path, includingHidden: includingHidden)?.names
    }

    package func isFile(_ path: String) -> Bool { kind(of: path) == .file }
    package func isDirectory(_ path: String) -> Bool { kind(of: path) == .folder }
}

/// A file that is not a regular one, or cannot be opened: the system's reason.
public struct ReadError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public var description: String { reason }

    package init(reason: String) {
        self.reason = reason
    }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String) throws -> Data {
        try Self.withRegularFile(path) { fd, size in
            var data = Data(count: size)
            var filled = 0
            while true {
                if filled == data.count { data.count += max(4096, data.count) }  // it grew
                let read = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
                if read < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(reason: String(cString: strerror(errno)))
                }
                if read == 0 { break }
                filled += read
            }
            data.count = filled
            return data
        }
    }

    public func prefix(of path: String, length: Int) -> Data? {
        try? Self.withRegularFile(path) { fd, _ in
            var data = Data(count: length)
            let read = data.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, length) }
            guard read >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
            data.count = read
            return data
        }
    }

    /// Opens without blocking (a FIFO opened for reading would wait for a writer), then
    /// checks on the open file that it is a regular one: no window between look and read.
    package static func withRegularFile<T>(_ path: String, _ body: (Int32, Int) throws -> T) throws -> T {
        let (fd, size) = try openRegularFile(path)
        defer { close(fd) }
        return try body(fd, size)
    }

    /// A regular file opened for reading, and its size; the caller closes it. O_NONBLOCK
    /// stays set: it changes nothing for a regular file, which never waits.
    package static func openRegularFile(_ path: String) throws -> (fd: Int32, size: Int) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ReadError(reason: reason)
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .file else {
            close(fd)
            if case .special(let what) = kind { throw ReadError(reason: "it is \(what), not a file") }
            throw ReadError(reason: "it is a folder, not a file")
        }
        return (fd, Int(info.st_size))
    }

    // stat and readdir directly: a site of 10,000 posts is 30,000 of these calls, and
    // FileManager's path conversions cost more than the calls themselves.
    public func kind(of path: String) -> FileKind {
        var info = stat()
        return stat(path, &info) == 0 ? FileKind(mode: info.st_mode) : .missing
    }

    public func folder(_ path: String, includingHidden: Bool) -> FolderNames? {
        guard let (entries, undecodable) = FolderEntry.listing(path) else { return nil }
        func shown(_ name: String) -> Bool { includingHidden || !name.hasPrefix(".") }
        return FolderNames(names: entries.map(\.name).filter(shown).sorted(), undecodable: undecodable.filter(shown).sorted())
    }

    public func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    public func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    public func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// One entry of a folder as `readdir` gives it: the type comes with the name, so walking a
/// folder of 30,000 files needs no `stat` per entry (FileManager's enumerator took seconds).
package struct FolderEntry {
    package var name: String
    /// A folder itself, not a link to one: walks never follow links.
    package var isFolder: Bool
    /// A symbolic link (to a file or a folder): only these need a `stat` to be followed.
    package var isLink = false

    /// The entries of `path` but `.` and `..`, unsorted; none when it cannot be read.
    package static func list(_ path: String) -> [FolderEntry] { listing(path)?.entries ?? [] }

    /// The entries of `path` but `.` and `..`, unsorted, and the names that are not UTF-8
    /// (`read`); nil when it cannot be read.
    package static func listing(_ path: String) -> (entries: [FolderEntry], undecodable: [String])? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        return read(folder)
    }

    /// The entries of an open folder but `.` and `..`. A name that is not UTF-8 cannot be
    /// named back, so it is no entry: it is given apart, as `shown` writes it.
    package static func read(_ folder: OpaquePointer) -> (entries: [FolderEntry], undecodable: [String]) {
        var undecodable: [String] = []
        var entries: [FolderEntry] = []
        while let entry = readdir(folder) {
            // Read where it lies (d_name may be longer than its declared 256 bytes).
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let bytes = UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
            guard let name = String(validatingCString: bytes) else {
                undecodable.append(shown(UnsafeRawBufferPointer(start: bytes, count: strlen(bytes))))
                continue
            }
            guard name != ".", name != ".." else { continue }
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
        return (entries, undecodable)
    }
}

extension FolderEntry {
    /// A name's bytes as text: UTF-8 where they are, each other byte as `\xNN`.
    package static func shown(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<(offset + length)] {
                    text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }
}

extension FileSystem {
    package func children(of path: String) -> [String]? { children(of: path, includingHidden: false) }

    /// The one rule for symbolic links, for posts, pages, images and static files alike: a
    /// file is published only if, links followed, it lies inside the site folder (`realRoot`,
    /// itself resolved). A link inside the site is fine; one that leads out could publish
    /// anything the writer's account can read.
    package func liesInside(_ path: String, realRoot: String) -> Bool {
        isInside(realPath(path), realRoot)
    }
}

/// Site-relative path helpers: the pipeline names files relative to the site folder.
package enum SitePath {
    package static func join(_ a: String, _ b: String) -> String {
        a.isEmpty ? b : b.isEmpty ? a : a + "/" + b
    }

    /// Whether a part of the path is hidden (a name starting with a dot, but `.` and `..`).
    package static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != "." && $0 != ".." }
    }

    /// Resolves `.` and `..` segments; nil when the path climbs above its root.
    package static func normalize(_ path: String) -> String? {
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

/// The symbolic-link rule (`liesInside`) for many files: a path below the site folder none of
/// whose parts below it is a link lies inside, whatever the folder's own path is; that takes
/// one `lstat` per file and per folder (each folder once), where one `realpath` per file
/// was 20,000 `readlink` calls for a site of 1,000 posts. A path through a link is resolved.
package struct Containment {
    let fileSystem: FileSystem
    let root: String
    let realRoot: String
    /// Folders below the root known to be no link, nor below one.
    private var plain: [String: Bool] = [:]

    package init(fileSystem: FileSystem, root: String, realRoot: String) {
        (self.fileSystem, self.root, self.realRoot) = (fileSystem, root, realRoot)
    }

    package mutating func liesInside(_ path: String) -> Bool {
        if path.hasPrefix(root + "/"), !fileSystem.isLink(path), isPlain((path as NSString).deletingLastPathComponent) {
            return true
        }
        return fileSystem.liesInside(path, realRoot: realRoot)
    }

    private mutating func isPlain(_ folder: String) -> Bool {
        if folder == root { return true }
        if let known = plain[folder] { return known }
        let result = folder.hasPrefix(root + "/") && !fileSystem.isLink(folder)
            && isPlain((folder as NSString).deletingLastPathComponent)
        plain[folder] = result
        return result
    }
}
