import Foundation

/// The write stage, the only code that changes the output folder. It writes only files whose
/// bytes differ (each through a temporary file renamed into place, so no reader ever sees half
/// a file), removes files the site no longer has, and leaves the rest untouched, modification
/// times included, so that rsync sends only what changed. Into an output that holds none of
/// the site yet, files are created in place: a build stopped then leaves some files, perhaps
/// one cut short, that no manifest vouches for, so the next build compares and repairs them.
public struct SiteWriter: Sendable {
    /// Left in every output folder blog makes; blog writes only into folders that have it.
    public static let markerName = ".blog-output"
    static let temporarySuffix = ".blog-tmp"

    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Output paths written and removed, for telling open tabs what changed.
        public var writtenPaths: [String] = []
        public var removedPaths: [String] = []
        /// What the output folder holds after a whole site was written (not after `writeSome`
        /// or a write that skipped files by their cache key).
        public var stamps: [String: FileStamp]?

        public init() {}
    }

    public let output: String

    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL.path
    }

    /// Why blog must not write into `output`, or nil when it may. Checked before building.
    public static func refusal(output: String, source: String) -> Diagnostic? {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let src = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
        if out == src || src.hasPrefix(out == "/" ? "/" : out + "/") {
            return .error(output, "refusing to write the site into \(output): it is the site folder or contains it")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return .error(output, "the output \(output) is a file, not a folder")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty && !entries.contains(markerName) {
            return .error(output, "refusing to write into \(output): the folder is not empty and was not made by blog (it has no \(markerName) file); choose an empty or new folder")
        }
        return nil
    }

    /// - Parameter cache: of `blog serve`: remembers what was written, so that the next write
    ///   skips files whose key did not change and removes only files that were dropped,
    ///   without reading or walking the whole output folder again.
    /// - Parameter recorded: keys of files the output holds as the last build left them (from
    ///   its manifest): a file with the same key is unchanged without reading it.
    public func write(_ files: [OutputFile], cache: BuildCache? = nil, recorded: [String: UInt64] = [:]) throws -> Report {
        guard let cache, !cache.written.isEmpty else {
            let report = try writeAll(files, recorded: recorded)
            cache?.written = Self.keys(files)
            return report
        }
        let report0: Report
        do {
            report0 = try writeChanged(files, cache: cache)
        } catch {
            cache.written = [:]  // unknown now: the next write compares bytes with the disk
            throw error
        }
        var report = report0
        let planned = Set(files.map(\.path))
        for path in cache.written.keys where !planned.contains(path) {
            let full = SitePath.join(output, path)
            var isDirectory: ObjCBool = false
            // A file that became a folder: the folder now holds new files.
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue { continue }
            if (try? FileManager.default.removeItem(atPath: full)) != nil {
                report.removed += 1
                report.removedPaths.append(path)
            }
            var folder = (full as NSString).deletingLastPathComponent
            while folder.count > output.count, rmdir(folder) == 0 {  // only while empty
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        cache.written = Self.keys(files)
        return report
    }

    /// Writes some files of the site (the pages `blog serve` shows first), leaving the rest
    /// of the output and its record as they are.
    public func writeSome(_ files: [OutputFile], cache: BuildCache) throws -> Report {
        let report = try writeChanged(files, cache: cache)
        cache.written.merge(Self.keys(files)) { $1 }
        return report
    }

    private func writeChanged(_ files: [OutputFile], cache: BuildCache) throws -> Report {
        var report = Report()
        let changed = files.filter { file in file.key == nil || cache.written[file.path] != file.key }
        report.unchanged = files.count - changed.count
        if !changed.isEmpty {
            let partial = try writeFiles(changed)
            report.written = partial.written
            report.unchanged += partial.unchanged
            report.writtenPaths = partial.writtenPaths
        }
        return report
    }

    /// Each file's key, or a digest of its bytes when it has none (small generated files).
    private static func keys(_ files: [OutputFile]) -> [String: UInt64] {
        var keys: [String: UInt64] = [:]
        for file in files {
            if let key = file.key {
                keys[file.path] = key
            } else if case .data(let bytes) = file.content {
                keys[file.path] = Digest.of { $0.add(bytes) }
            }
        }
        return keys
    }

    private func writeAll(_ files: [OutputFile], recorded: [String: UInt64]) throws -> Report {
        let fresh = try prepareOutput()
        // New files first, stale ones last: a build stopped midway leaves a complete old
        // site plus some new files, never a site with pages missing.
        var report = try writeFiles(files, fresh: fresh, recorded: recorded)
        if !fresh { report.removed = try removeStale(keeping: Set(files.map(\.path))) }
        report.stamps = stamps(of: files)
        return report
    }

    /// Makes the output folder and its marker. True when the folder holds none of the site
    /// yet (new, or only hidden entries): then nothing in it can be stale or unchanged.
    private func prepareOutput() throws -> Bool {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let marker = SitePath.join(output, Self.markerName)
        if !fm.fileExists(atPath: marker) {
            try Data("This folder is written by `blog build`: its files are replaced and removed by each build.\n".utf8)
                .write(to: URL(fileURLWithPath: marker))
        }
        return FolderEntry.list(output).allSatisfy { $0.name.hasPrefix(".") }
    }

    /// Size and modification time of each written file, for the build manifest: a `stat`
    /// each, on every core, instead of walking the output folder again.
    private func stamps(of files: [OutputFile]) -> [String: FileStamp] {
        let visible = files.map(\.path).filter { !SitePath.isHidden($0) }
        let stamps = visible.parallelMap { FileStamp(path: SitePath.join(output, $0)) }
        var result: [String: FileStamp] = [:]
        for (path, stamp) in zip(visible, stamps) { result[path] = stamp }
        return result
    }

    /// Writes the files whose bytes differ from the output's, making folders as needed.
    /// - Parameter fresh: the output holds none of these files: each is created in place
    ///   without reading or renaming anything (half the system calls of a cold build).
    private func writeFiles(_ files: [OutputFile], fresh: Bool = false, recorded: [String: UInt64] = [:]) throws -> Report {
        var report = Report()
        // Creating a folder costs more than writing a file on some disks: on every core.
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        let made = folders.sorted().parallelMap { folder in Result { try makeFolder(SitePath.join(output, folder)) } }
        for outcome in made { try outcome.get() }
        let outcomes = files.parallelMap { file -> Result<Bool, Error> in
            if case .copy = file.content, let key = file.key, recorded[file.path] == key { return .success(false) }
            return Result { try (fresh ? create(file) : nil) ?? writeIfChanged(file) }
        }
        for (file, outcome) in zip(files, outcomes) {
            if try outcome.get() {
                report.written += 1
                report.writtenPaths.append(file.path)
            } else {
                report.unchanged += 1
            }
        }
        return report
    }

    /// open, write, close: no fsync per file (Foundation's `Data.write` syncs, which costs
    /// more than the write itself on a site of thousands of files); the rename that follows
    /// is what makes the file appear whole.
    private static func writeFile(_ path: String, _ data: Data) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try write(data, to: fd, path: path)
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

    /// `mkdir -p`, safe when several threads make folders under one parent at once; a stale
    /// file where a folder goes now is removed first.
    private func makeFolder(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            try FileManager.default.removeItem(atPath: path)
        }
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        try makeFolder((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }


    /// Creates `file` where nothing was: true when made, nil when a file is there after all
    /// (a hidden one the site also publishes), which the careful path then compares.
    private func create(_ file: OutputFile) throws -> Bool? {
        let destination = SitePath.join(output, file.path)
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 && errno == EEXIST { return nil }
        guard fd >= 0 else { throw WriteError(path: destination, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        do {
            switch file.content {
            case .data(let bytes): try Self.write(bytes, to: fd, path: destination)
            case .copy(let source): try Self.copy(source, to: fd, path: destination)
            }
        } catch {
            unlink(destination)  // no half file left behind
            throw error
        }
        return true
    }

    /// Copies in the kernel (`sendfile`): an image never passes through this process.
    private static func copy(_ source: String, to fd: Int32, path: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw WriteError(path: path, reason: "cannot read \(source): \(String(cString: strerror(errno)))") }
        defer { close(input) }
        while true {
            let copied = sendfile(fd, input, nil, 1 << 30)
            let failure = errno
            if copied > 0 { continue }
            if copied == 0 { return }
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

    /// Writes `file` unless the output already holds the same bytes. True when written.
    private func writeIfChanged(_ file: OutputFile) throws -> Bool {
        let destination = SitePath.join(output, file.path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory), isDirectory.boolValue {
            try FileManager.default.removeItem(atPath: destination)  // a stale folder where a file goes now
        }
        let existing = FileManager.default.contents(atPath: destination)
        let data: Data
        switch file.content {
        case .data(let bytes): data = bytes
        case .copy(let source):
            let sourceSize = FileStamp(path: source)?.size ?? -1
            if let existing, existing.count == sourceSize, existing == FileManager.default.contents(atPath: source) {
                return false
            }
            data = try Data(contentsOf: URL(fileURLWithPath: source))
        }
        if existing == data { return false }
        let temporary = destination + Self.temporarySuffix
        try Self.writeFile(temporary, data)
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(path: destination, reason: reason)
        }
        return true
    }

    /// Removes files the site no longer produces (and leftovers of a killed build), then the
    /// folders that became empty. Never leaves the output folder; never follows a link out.
    /// Hidden entries (`.git` of a GitHub Pages checkout, `.well-known`) are the writer's own.
    private func removeStale(keeping planned: Set<String>) throws -> Int {
        var removed = 0
        var folders: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            for entry in FolderEntry.list(relative.isEmpty ? output : SitePath.join(output, relative))
            where !entry.name.hasPrefix(".") {
                let path = SitePath.join(relative, entry.name)
                if entry.isFolder {
                    folders.append(path)
                    pending.append(path)
                } else if !planned.contains(path) {
                    try FileManager.default.removeItem(atPath: SitePath.join(output, path))
                    removed += 1
                }
            }
        }
        for folder in folders.sorted(by: >) {  // deepest first; rmdir removes only empty ones
            rmdir(SitePath.join(output, folder))
        }
        return removed
    }
}

/// A file of the output that could not be written.
public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write: \(reason)" }
}
