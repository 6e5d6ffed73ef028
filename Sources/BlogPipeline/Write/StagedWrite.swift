import Foundation
import BlogCore
import BlogMarkdown

/// Writes a set of files into the output all or nothing. First every changed file is written
/// beside its destination as a temporary (or, in an output that holds none of the site yet,
/// created in place); only when all of them are written are the temporaries renamed into
/// place. A failure before that (a full disk, a permission, an I/O error) removes everything
/// this write made, so the output is left as it was, file by file.
package struct StagedWrite {
    /// Temporaries are hidden entries named `.blog-tmp-<process>-<n>`: no file of the site
    /// can take such a name (a site path into a hidden entry is refused), and two writers
    /// never share one. A killed build's leftovers are found by the prefix and removed.
    package static let temporaryPrefix = ".blog-tmp-"
    private static let token = String(getpid()) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)

    package let output: String
    /// Output-relative paths written (created, or staged and then renamed).
    package private(set) var written: [String] = []
    package private(set) var unchanged = 0

    private var temporaries: [(temporary: String, destination: String)] = []
    private var created: [String] = []
    private var madeFolders: [String] = []

    package init(output: String) { self.output = output }

    private enum Outcome: Sendable {
        case unchanged
        case created
        case staged(temporary: String)
        case failed(WriteError)
        case skipped
    }

    /// Writes every file whose bytes differ from the output's, but renames nothing yet.
    /// - Parameter fresh: the output holds none of these files: each is created in place.
    /// - Parameter recorded: copy keys of files the output holds as the last build left them.
    package mutating func stage(_ files: [OutputFile], fresh: Bool, recorded: [String: UInt64]) throws {
        let output = self.output
        // Known unchanged without a look: a page kept from the last build, a copy whose key
        // the record vouches for. Their folders exist; a large site's one-post build would
        // otherwise try to make ten thousand of them.
        func known(_ file: OutputFile) -> Bool {
            switch file.content {
            case .kept: true
            case .copy, .link: file.key != nil && recorded[file.path] == file.key
            case .data: false
            }
        }
        let looked = files.filter { !known($0) }
        let knownUnchanged = files.count - looked.count
        let files = looked
        var seen = Set<String>()
        let links = Set(files.compactMap { FileOps.linkAbove($0.path, in: output, seen: &seen) })
        guard links.isEmpty else {
            let failures = links.sorted().map {
                WriteError(path: SitePath.join(output, $0), reason: "is a symbolic link inside the output, and blog never writes through one (it may lead anywhere); remove it and build again")
            }
            throw WriteFailure(failures: failures, notWritten: files.count, output: output, distinct: true)
        }
        let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        let sortedFolders = folders.sorted()
        let made = ByFolder.map(sortedFolders) { i in Result { try FileOps.makeFolder(SitePath.join(output, sortedFolders[i])) } }
        madeFolders = made.compactMap { try? $0.get() }.flatMap { $0 }
        for result in made {
            guard case .failure(let error) = result else { continue }
            rollBack()
            let failure = error as? WriteError ?? WriteError(path: output, reason: "\(error)")
            throw WriteFailure(failures: [failure], notWritten: files.count, output: output)
        }
        // Once one file fails, the others are not started: on a full disk, every one would.
        let stop = StopFlag()
        let token = Self.token
        let outcomes = ByFolder.map(files.map(\.path)) { number -> Outcome in
            let file = files[number]
            if stop.isSet { return .skipped }
            let destination = SitePath.join(output, file.path)
            do {
                if fresh, try FileOps.create(destination, file.content) { return .created }
                let name = Self.temporaryPrefix + token + "-" + String(number)
                guard let temporary = try FileOps.stageIfChanged(destination, file.content, temporary: name) else { return .unchanged }
                return .staged(temporary: temporary)
            } catch {
                stop.set()
                return .failed(error as? WriteError ?? WriteError(path: destination, reason: "\(error)"))
            }
        }
        var failures: [(error: WriteError, size: Int)] = []
        for (file, outcome) in zip(files, outcomes) {
            let destination = SitePath.join(output, file.path)
            switch outcome {
            case .unchanged: unchanged += 1
            case .created: created.append(destination); written.append(file.path)
            case .staged(let temporary): temporaries.append((temporary, destination)); written.append(file.path)
            case .failed(let error): failures.append((error, FileOps.size(of: file.content)))
            case .skipped: break
            }
        }
        guard failures.isEmpty else {
            let notWritten = files.count - unchanged - written.count
            rollBack()
            // Files written side by side all fail once the disk is full, and the one that
            // filled it is the likeliest cause: the largest that failed is named first.
            let bySize = failures.enumerated().sorted { ($0.element.size, -$0.offset) > ($1.element.size, -$1.offset) }
            throw WriteFailure(failures: bySize.map(\.element.error), notWritten: notWritten, output: output)
        }
        unchanged += knownUnchanged
    }

    /// Renames the temporaries into place. A rename within a folder does not need room on
    /// the disk, so once staging succeeded this practically cannot fail; if it does, the
    /// temporaries left are removed and the error says the output is now mixed.
    package mutating func commit() throws {
        var failures: [WriteError] = []
        for (temporary, destination) in temporaries {
            var info = stat()
            if lstat(destination, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                try? FileManager.default.removeItem(atPath: destination)  // a stale folder where a file goes now
            }
            if rename(temporary, destination) != 0 {
                failures.append(WriteError(path: destination, reason: String(cString: strerror(errno))))
                unlink(temporary)
            }
        }
        temporaries = []
        if !failures.isEmpty {
            throw WriteFailure(failures: failures, notWritten: failures.count, output: output, intact: false)
        }
    }

    /// Removes every temporary, every file created in place, and every folder made (those
    /// still empty), deepest first.
    package mutating func rollBack() {
        for (temporary, _) in temporaries { unlink(temporary) }
        for file in created { unlink(file) }
        for folder in madeFolders.sorted(by: >) { rmdir(folder) }
        (temporaries, created, madeFolders, written) = ([], [], [], [])
    }
}

/// Set once by any thread, read by all.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    package var isSet: Bool { lock.withLock { value } }
    package func set() { lock.withLock { value = true } }
}

/// A file of the output that could not be written: the file, and why.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): error: cannot write: \(reason)" }
}

/// A write that stopped: each distinct failure once, how many files were not written, and
/// whether the output is still the previous site.
public struct WriteFailure: Error, CustomStringConvertible, Sendable {
    public var failures: [WriteError]
    public var notWritten: Int
    public var output: String
    /// Nothing of the output was replaced.
    public var intact = true
    /// Each failure is its own (links to remove): all are shown, not the first of each cause.
    public var distinct = false

    public var description: String {
        // On a full disk every file fails alike: the first of each cause is enough.
        var seen = Set<String>()
        let shown = distinct ? failures : failures.filter { seen.insert($0.reason).inserted }
        var lines = shown.map(\.description)
        let others = notWritten - shown.count
        if others > 0 { lines[lines.count - 1] += " (and \(others) more file\(others == 1 ? "" : "s") not written)" }
        lines.append(intact
            ? "nothing was replaced: the previous site in \(output) is intact"
            : "the site in \(output) is now part old, part new: fix the cause and build again")
        return lines.joined(separator: "\n")
    }
}
