import Foundation
import BlogCore
import BlogMarkdown

/// The system calls of the write stage, each failing with the destination's path and the
/// system's reason, never a temporary's name.
package enum FileOps {
    /// `mkdir -p`, safe when several threads make folders under one parent at once; a stale
    /// file where a folder goes now is removed first. Returns the folders it made.
    package static func makeFolder(_ path: String) throws -> [String] {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return [] }
            try FileManager.default.removeItem(atPath: path)
        }
        if mkdir(path, 0o755) == 0 { return [path] }
        if errno == EEXIST { return [] }
        guard errno == ENOENT else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let parents = try makeFolder((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) == 0 { return parents + [path] }
        if errno == EEXIST { return parents }
        throw WriteError(path: path, reason: String(cString: strerror(errno)))
    }

    /// Creates `destination` where nothing was: true when made, false when a file is there
    /// after all (a hidden one the site also publishes), which the careful path then compares.
    package static func create(_ destination: String, _ content: OutputFile.Content) throws -> Bool {
        if case .link(let source) = content, let linked = try hardLink(source, destination) { return linked }
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST { return false }
        guard fd >= 0 else { throw WriteError(path: destination, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do {
            try fill(fd, with: content, path: destination)
        } catch {
            unlink(destination)  // no half file left behind
            throw error
        }
        return true
    }

    /// Writes `content` beside `destination` as a temporary named `temporary` (in the same
    /// folder), unless the destination already holds the same bytes: the temporary's path, or
    /// nil when nothing needs writing. A link where the file goes is replaced, never read or
    /// written through.
    package static func stageIfChanged(_ destination: String, _ content: OutputFile.Content, temporary name: String) throws -> String? {
        let existing = isLink(destination) ? nil : FileManager.default.contents(atPath: destination)
        if let existing {
            switch content {
            case .data(let bytes): if existing == bytes { return nil }
            case .copy(let source), .link(let source):
                if existing.count == FileStamp(path: source)?.size ?? -1,
                    existing == (try? LocalFileSystem().contents(of: source))
                {
                    return nil
                }
            case .kept: return nil
            }
        }
        let temporary = SitePath.join((destination as NSString).deletingLastPathComponent, name)
        if case .link(let source) = content, try hardLink(source, temporary) == true { return temporary }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: destination, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do {
            try fill(fd, with: content, path: destination)
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    /// open, write, close: no fsync per file (Foundation's `Data.write` syncs, which costs
    /// more than the write itself on a site of thousands of files); the rename that follows
    /// is what makes a file appear whole.
    private static func fill(_ fd: Int32, with content: OutputFile.Content, path: String) throws {
        switch content {
        case .data(let bytes): try write(bytes, to: fd, path: path)
        case .copy(let source), .link(let source): try copy(source, to: fd, path: path)
        case .kept: break  // never staged: see `StagedWrite.stage`
        }
    }

    private static func write(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    /// `link(2)`: true when made, false when something is already at `destination`, nil when
    /// the file system cannot link it there (another file system, no hard links): copy then.
    /// The source is a file of the build's own store, checked a plain file when it was read;
    /// one that became a symbolic link since would be linked as a link to anywhere (`link`
    /// does not follow it) or copied with its target's bytes: refused, whichever.
    private static func hardLink(_ source: String, _ destination: String) throws -> Bool? {
        var info = stat()
        guard lstat(source, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw WriteError(path: destination, reason: "\(source) is no longer a plain file (build again to make it anew)")
        }
        if link(source, destination) == 0 { return true }
        return errno == EEXIST ? false : nil
    }

    /// The bytes a file of the output would take; 0 where that is unknown.
    package static func size(of content: OutputFile.Content) -> Int {
        switch content {
        case .data(let data): return data.count
        case .copy(let source), .link(let source):
            var info = stat()
            return stat(source, &info) == 0 ? Int(info.st_size) : 0
        case .kept: return 0
        }
    }

    /// Whether `path` itself is a symbolic link.
    package static func isLink(_ path: String) -> Bool { LocalFileSystem().isLink(path) }

    /// The first symbolic link among the folders of `relative` below `output` (each looked
    /// at once per `seen`), as a path relative to the output; nil when there is none. The
    /// writer never goes through one: a link in the output can lead anywhere.
    package static func linkAbove(_ relative: String, in output: String, seen: inout Set<String>) -> String? {
        var folder = ""
        for segment in relative.split(separator: "/").dropLast() {
            folder = SitePath.join(folder, String(segment))
            guard seen.insert(folder).inserted else { continue }
            if isLink(SitePath.join(output, folder)) { return folder }
        }
        return nil
    }

    /// Copies in the kernel (`sendfile`): an image never passes through this process.
    private static func copy(_ source: String, to fd: Int32, path: String) throws {
        let input: Int32
        let size: Int
        do {
            // A copy's source was a regular file when the site was read; opened the same way
            // as every read, so a FIFO put in its place cannot make the write wait forever.
            (input, size) = try LocalFileSystem.openRegularFile(source)
        } catch {
            throw WriteError(path: path, reason: "cannot read \(source): \(error)")
        }
        defer { close(input) }
        var done = 0
        while done < size {  // the size is known: no last call to find the end
            let copied = sendfile(fd, input, nil, 1 << 30)
            let failure = errno
            if copied > 0 {
                done += copied
                continue
            }
            if copied == 0 { return }  // shorter than it was: what there is
            if failure == EINTR { continue }
            guard [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(failure) else {
                throw WriteError(path: path, reason: String(cString: strerror(failure)))
            }
            // A file system that cannot copy by itself: through memory, from the start.
            guard lseek(input, 0, SEEK_SET) == 0, ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            return try write(Data(contentsOf: URL(fileURLWithPath: source)), to: fd, path: path)
        }
    }
}
