import Foundation
import BlogCore
import BlogMarkdown

/// The write stage, the only code that changes the output folder. It writes only files whose
/// bytes differ, all or nothing: every changed file is written beside its destination first
/// and renamed into place only when all are written, so a full disk or a failing file leaves
/// the previous site as it was (`StagedWrite`). Then it removes files the site no longer has,
/// and leaves the rest untouched, modification times included, so that rsync sends only what
/// changed. Into an output that holds none of the site yet, files are created in place: a
/// build stopped then leaves some files, perhaps one cut short, that no manifest vouches for,
/// so the next build compares and repairs them.
public struct SiteWriter: Sendable {
    /// Left in every output folder blog makes; blog writes only into folders that have it.
    public static let markerName = ".blog-output"

    public struct Report: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Output paths written and removed, for telling open tabs what changed.
        public var writtenPaths: [String] = []
        public var removedPaths: [String] = []
        /// What the output folder holds after a whole site was written (not after `writeSome`
        /// or a write that skipped files by their key).
        public var stamps: [String: FileStamp]?
        /// The key of each file the output now holds, for the next write (`since:`).
        public var keys: [String: UInt64] = [:]

        public init() {}
    }

    public let output: String

    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL.path
    }

    /// A hidden entry of the output that belongs to the writer (not a temporary of blog's).
    package static func isOwnHidden(_ name: String) -> Bool {
        name.hasPrefix(".") && !name.hasPrefix(StagedWrite.temporaryPrefix)
    }

    /// `path` absolute, with the links of its longest existing part followed (the rest does not
    /// exist yet, so it holds none).
    public static func resolved(_ path: String) -> String {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = standard
        var rest: [String] = []
        while !existing.isEmpty, existing != "/", !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let real = LocalFileSystem().realPath(existing.isEmpty ? "/" : existing)
        return rest.reduce(real) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }

    /// Why blog must not write into `output`, or nil when it may. Checked before building.
    public static func refusal(output: String, source: String) -> Diagnostic? {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        let src = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
        if isInside(src, out, orSame: true) {
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

    /// - Parameter written: the keys of what the last write of this process left in the
    ///   output (`Report.keys`; `blog serve` keeps them): a file whose key did not change is
    ///   skipped, and only files that were dropped are removed, without reading or walking the
    ///   output again. nil: every file is compared with the disk.
    /// - Parameter recorded: keys of files the output holds as the last build left them (from
    ///   its manifest): a copy with the same key is unchanged without reading it.
    /// - Parameter present: the output's files as the caller found them just before (the
    ///   build's record): stale files are looked for among these instead of walking the
    ///   folder, and a file not written keeps this stamp in `Report.stamps`.
    public func write(
        _ files: [OutputFile], since written: [String: UInt64]? = nil, recorded: [String: UInt64] = [:],
        present: [String: FileStamp]? = nil
    ) throws -> Report {
        guard let written, !written.isEmpty else {
            var report = try writeAll(files, recorded: recorded, present: present)
            report.keys = Self.keys(files)
            return report
        }
        var report = try writeChanged(files, since: written)
        let planned = Set(files.map(\.path))
        for path in written.keys where !planned.contains(path) {
            if (try? remove(path)) == true {
                report.removed += 1
                report.removedPaths.append(path)
            }
        }
        report.keys = Self.keys(files)
        return report
    }

    /// Writes some files of the site (the pages `blog serve` shows first), leaving the rest
    /// of the output as it is; `Report.keys` is `written` with these files' keys.
    public func writeSome(_ files: [OutputFile], since written: [String: UInt64]) throws -> Report {
        var report = try writeChanged(files, since: written)
        report.keys = written.merging(Self.keys(files)) { $1 }
        return report
    }

    private func writeChanged(_ files: [OutputFile], since written: [String: UInt64]) throws -> Report {
        var report = Report()
        let changed = files.filter { file in file.key == nil || written[file.path] != file.key }
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

    private func writeAll(_ files: [OutputFile], recorded: [String: UInt64], present: [String: FileStamp]?) throws -> Report {
        let made = !FileManager.default.fileExists(atPath: output)
        let fresh = try prepareOutput()
        // New files first, stale ones last: a build stopped midway leaves a complete old
        // site plus some new files, never a site with pages missing.
        var report: Report
        do {
            report = try writeFiles(files, fresh: fresh, recorded: recorded)
        } catch let failure as WriteFailure where failure.intact && made {
            // The folder did not exist before this build: as it was means not there.
            unlink(SitePath.join(output, Self.markerName))
            rmdir(output)
            throw failure
        }
        let planned = Set(files.map(\.path))
        if let present, !fresh {
            for path in present.keys where !planned.contains(path) {
                if try remove(path) { report.removed += 1 }
            }
        } else if !fresh {
            report.removed = try removeStale(keeping: planned)
        }
        let rewritten = Set(report.writtenPaths)
        report.stamps = stamps(of: files) { fresh || rewritten.contains($0) ? nil : present?[$0] }
        return report
    }

    /// Makes the output folder and its marker. True when the folder holds none of the site
    /// yet (new, or only hidden entries): then nothing in it can be stale or unchanged.
    private func prepareOutput() throws -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw WriteFailure(failures: [WriteError(path: output, reason: "cannot make the folder: \(error.localizedDescription)")], notWritten: 0, output: output)
        }
        let marker = SitePath.join(output, Self.markerName)
        if !FileManager.default.fileExists(atPath: marker) {
            // Says only what the folder is: it is published with the site.
            let text = "This folder is written by `blog build`: its files are replaced and removed by each build.\n"
            guard FileManager.default.createFile(atPath: marker, contents: Data(text.utf8)) else {
                throw WriteFailure(failures: [WriteError(path: marker, reason: String(cString: strerror(errno)))], notWritten: 0, output: output)
            }
        }
        return FolderEntry.list(output).allSatisfy { $0.name.hasPrefix(".") && !$0.name.hasPrefix(StagedWrite.temporaryPrefix) }
    }

    /// Size and modification time of each written file, for the build manifest: a `stat`
    /// each, on every core, instead of walking the output folder again.
    /// - Parameter known: the stamp of a file when known without a `stat`.
    private func stamps(of files: [OutputFile], known: (String) -> FileStamp?) -> [String: FileStamp] {
        let visible = files.map(\.path).filter { !SitePath.isHidden($0) }
        let stamps = visible.parallelMap { known($0) ?? FileStamp(path: SitePath.join(output, $0)) }
        var result: [String: FileStamp] = [:]
        for (path, stamp) in zip(visible, stamps) { result[path] = stamp }
        return result
    }

    /// Writes the files whose bytes differ from the output's, all or nothing (`StagedWrite`).
    /// - Parameter fresh: the output holds none of these files: each is created in place
    ///   without reading or renaming anything (half the system calls of a cold build).
    private func writeFiles(_ files: [OutputFile], fresh: Bool = false, recorded: [String: UInt64] = [:]) throws -> Report {
        var staged = StagedWrite(output: output)
        try staged.stage(files, fresh: fresh, recorded: recorded)
        try staged.commit()
        var report = Report()
        report.written = staged.written.count
        report.writtenPaths = staged.written
        report.unchanged = staged.unchanged
        return report
    }

    /// Removes a file the site no longer has, and the folders above it that this leaves
    /// empty; false when there is no such file.
    @discardableResult
    private func remove(_ path: String) throws -> Bool {
        let full = SitePath.join(output, path)
        // Through a link that took a folder's place, the file is not the output's.
        var seen = Set<String>()
        if FileOps.linkAbove(path, in: output, seen: &seen) != nil { return false }
        var isDirectory: ObjCBool = false
        // Gone already, or a file that became a folder: the folder now holds new files.
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        try FileManager.default.removeItem(atPath: full)
        var folder = (full as NSString).deletingLastPathComponent
        while folder.count > output.count, rmdir(folder) == 0 {  // only while empty
            folder = (folder as NSString).deletingLastPathComponent
        }
        return true
    }

    /// Removes files the site no longer produces (and leftovers of a killed build), then the
    /// folders that became empty. Never leaves the output folder; never follows a link out.
    /// Hidden entries (`.git` of a GitHub Pages checkout, `.well-known`) are the writer's own,
    /// but for a killed build's temporaries.
    private func removeStale(keeping planned: Set<String>) throws -> Int {
        var stale: [String] = []
        var folders: [String] = []
        FolderWalk.walk(output, followLinks: false, skip: { _, name in SiteWriter.isOwnHidden(name) }) { path, isFolder in
            if isFolder { folders.append(path) } else if !planned.contains(path) { stale.append(path) }
        }
        for path in stale { try FileManager.default.removeItem(atPath: SitePath.join(output, path)) }
        for folder in folders.sorted(by: >) {  // deepest first; rmdir removes only empty ones
            rmdir(SitePath.join(output, folder))
        }
        return stale.count
    }

}
