import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The walk of the old site's folder that decides what `blog import` may read: each entry's
/// type is taken with `lstat` before anything is opened, and links are followed only to
/// regular files and folders that lie inside the old site's folder. Reads go through the
/// build's own door (`LocalFileSystem`), which opens nothing but regular files.
struct OldSiteWalk {
    let realRoot: String
    /// Each file kept, relative to the root → its real path.
    var found: [String: String] = [:]
    var refused: [(path: String, reason: String)] = []
    /// Real folders already walked through a link: a second link to one (or a link leading
    /// back up, a loop) is not followed again, so the walk always ends.
    private var linkedFolders: Set<String> = []
    private let disk = LocalFileSystem()

    init(realRoot: String) { self.realRoot = realRoot }

    mutating func run() {
        var pending: [(path: String, real: String)] = [("", realRoot)]
        while let folder = pending.popLast() {
            guard let listing = disk.folder(folder.real, includingHidden: false) else {
                refused.append((folder.path.isEmpty ? "." : folder.path, "a folder that cannot be read (\(systemReason()))"))
                continue
            }
            for name in listing.undecodable {
                refused.append((folder.path.isEmpty ? name : folder.path + "/" + name, Self.undecodable))
            }
            for name in listing.names {
                let path = folder.path.isEmpty ? name : folder.path + "/" + name
                let absolute = folder.real + "/" + name
                var info = stat()
                guard lstat(absolute, &info) == 0 else {
                    refused.append((path, "unreadable (\(systemReason()))"))
                    continue
                }
                let ignored = folder.path.isEmpty && OldSite.ignoredFolders.contains(name)
                if info.st_mode & S_IFMT == S_IFLNK {
                    if let linked = follow(path, link: absolute, from: folder.real), !ignored { pending.append((path, linked)) }
                    continue
                }
                switch FileKind(mode: info.st_mode) {
                case .folder: if !ignored { pending.append((path, absolute)) }
                case .file: keep(path, real: absolute)
                case .special(let what): refused.append((path, Self.notAFile(what)))
                case .missing: break
                }
            }
        }
    }

    static let undecodable = "a name that is not UTF-8 (\\xNN marks each byte that is not): no path can name it; rename it to import it"

    static func notAFile(_ what: String) -> String {
        "\(what), not a regular file: import reads only regular files and did not open it"
    }

    private mutating func keep(_ path: String, real: String) {
        if access(real, R_OK) == 0 {
            found[path] = real
        } else {
            refused.append((path, "unreadable (\(systemReason()))"))
        }
    }

    /// Keeps a link to a regular file inside the site; returns the real folder of a link to a
    /// folder inside it, to be walked; refuses anything else, naming where it leads.
    private mutating func follow(_ path: String, link: String, from folder: String) -> String? {
        let kind = disk.kind(of: link)
        guard kind != .missing else {
            let points = (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) ?? "?"
            refused.append((path, "a symbolic link to \(points), which does not exist"))
            return nil
        }
        let target = disk.realPath(link)
        guard isInside(target, realRoot, orSame: true) else {
            refused.append((path, "a symbolic link to \(target), outside the old site's folder: import reads nothing from outside it"))
            return nil
        }
        switch kind {
        case .file:
            keep(path, real: target)
        case .folder:
            if isInside(folder, target, orSame: true) {
                refused.append((path, "a symbolic link to \(target), a folder it is in: followed, it would never end; not read"))
            } else if !linkedFolders.insert(target).inserted {
                refused.append((path, "a symbolic link to \(target), a folder already read through another link; not read again"))
            } else {
                return target
            }
        case .special(let what):
            refused.append((path, "a symbolic link to \(target), which is " + Self.notAFile(what)))
        case .missing: break
        }
        return nil
    }

    private func systemReason() -> String { String(cString: strerror(errno)).lowercased() }
}

/// Copying the old site's files: through the same door as reading them, in chunks (a video
/// need not fit in memory), into a file made here, never one that exists.
enum OldFileCopy {
    /// The new file could not be written (the old one was read).
    struct WriteFailure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    static func copy(_ real: String, to destination: String) throws {
        try LocalFileSystem.withRegularFile(real) { fd, _ in
            let out = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard out >= 0 else { throw WriteFailure(path: destination, reason: reason()) }
            defer { close(out) }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n >= 0 else { throw ReadError(reason: reason()) }
                if n == 0 { return }
                var written = 0
                while written < n {
                    let w = buffer.withUnsafeBytes { Glibc.write(out, $0.baseAddress! + written, n - written) }
                    if w < 0 && errno == EINTR { continue }
                    guard w > 0 else { throw WriteFailure(path: destination, reason: reason()) }
                    written += w
                }
            }
        }
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
