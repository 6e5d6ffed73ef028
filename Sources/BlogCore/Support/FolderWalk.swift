import Foundation

/// Every entry below a folder, depth first, read with `readdir` (the type comes with the
/// name; FileManager's enumerator took seconds on an output of 30,000 files). The one walk
/// of the project's own folders: the build's record, the writer's stale files, serve's
/// watcher. (The site itself is read through `FileSystem`, the load stage's one door.)
public enum FolderWalk {
    /// - Parameters:
    ///   - followLinks: a link to a folder is walked into (as reading the site does); else
    ///     links are entries like files, never followed (removing files must not leave the folder).
    ///   - skip: given the folder of an entry (relative, `""` for the root) and its name,
    ///     whether to leave the entry out, and what is below it.
    ///   - visit: each entry not skipped: its relative path and whether it is a folder.
    public static func walk(
        _ root: String, followLinks: Bool, skip: (String, String) -> Bool = { _, _ in false },
        visit: (String, Bool) -> Void
    ) {
        var pending = [""]
        while let relative = pending.popLast() {
            for entry in FolderEntry.list(relative.isEmpty ? root : SitePath.join(root, relative))
            where !skip(relative, entry.name) {
                let path = SitePath.join(relative, entry.name)
                var isFolder = entry.isFolder
                if followLinks && entry.isLink {
                    var info = stat()
                    isFolder = stat(SitePath.join(root, path), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                visit(path, isFolder)
                if isFolder { pending.append(path) }
            }
        }
    }
}

extension FolderWalk {
    /// Size and time of every file below `root` (relative path → stamp), skipping as `walk`
    /// does. Each entry is `stat`ed relative to its open folder, so no path is looked up from
    /// the root again: the build's record takes these of every file of the site and output.
    /// - Parameter excluding: a folder left out also when a link leads to it (the output).
    /// Entries whose names are not UTF-8 have no stamp: they come apart, relative, as
    /// `FolderEntry.shown` writes them.
    public static func stamps(
        _ root: String, followLinks: Bool, excluding: FileIdentity? = nil, skip: (String, String) -> Bool = { _, _ in false }
    ) -> (stamps: [String: FileStamp], undecodable: [String]) {
        var result: [String: FileStamp] = [:]
        var undecodable: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let folder = opendir(relative.isEmpty ? root : SitePath.join(root, relative)) else { continue }
            defer { closedir(folder) }
            let fd = dirfd(folder)
            let (entries, unnamed) = FolderEntry.read(folder)
            undecodable += unnamed.map { SitePath.join(relative, $0) }
            for entry in entries where !skip(relative, entry.name) {
                let path = SitePath.join(relative, entry.name)
                if entry.isFolder {
                    pending.append(path)
                    continue
                }
                var info = stat()
                guard fstatat(fd, entry.name, &info, followLinks ? 0 : AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    // A link to a folder, followed, unless it is the excluded one.
                    if FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) != excluding { pending.append(path) }
                } else {
                    result[path] = FileStamp(info)
                }
            }
        }
        return (result, undecodable)
    }
}

/// Whether `path` is `folder` or lies below it (both absolute and standardized).
public func isInside(_ path: String, _ folder: String, orSame: Bool = false) -> Bool {
    (orSame && path == folder) || path.hasPrefix(folder == "/" ? "/" : folder + "/")
}

/// Whether a file, or a folder above it, is among the changed paths (site-relative): a folder
/// moved or replaced is reported as the folder alone.
package func touched(_ path: String, by changed: Set<String>) -> Bool {
    if changed.contains(path) { return true }
    var folder = Substring(path)
    while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        if changed.contains(String(folder)) { return true }
    }
    return false
}
