import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// The record a command-line build keeps of itself (`BuildManifest`, in the site's state
/// folder): whether the last build into an output folder is still what a build would make,
/// and, after a new one is written, the record of that.
public struct BuildRecord: Sendable {
    public let source: String
    public let output: String
    public let includeDrafts: Bool
    /// Size and time of every file a build reads, and of every file of the output, now.
    public private(set) var inputs: [String: FileStamp] = [:]
    public private(set) var outputs: [String: FileStamp] = [:]
    /// The last build's record, when it was made by this build of blog for this output.
    public private(set) var previous: BuildManifest?
    /// Why the last build's record is not used although there is one, for one line.
    public private(set) var note: String?
    /// Files of the output whose names are not UTF-8 (`FolderEntry.shown`): no build wrote
    /// them, and the writer can neither compare nor remove them, so they are named.
    public private(set) var strangers: [String] = []

    /// Looks at the site and the output (both folders at once: on a large site, a few
    /// thousand `stat` calls each).
    public init(source: String, output: String, includeDrafts: Bool, theme: String?) {
        (self.source, self.output, self.includeDrafts) = (source, output, includeDrafts)
        nonisolated(unsafe) var inputs: [String: FileStamp] = [:]
        nonisolated(unsafe) var outputs: [String: FileStamp] = [:]
        nonisolated(unsafe) var strangers: [String] = []
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { inputs = BuildManifest.inputs(source: source, output: output, theme: theme) }
            else { (outputs, strangers) = BuildManifest.outputs(output) }
        }
        (self.inputs, self.outputs, self.strangers) = (inputs, outputs, strangers.sorted())
        // Earlier versions kept their record in the output, where rsync published it.
        unlink(output + "/.blog-manifest.json")
        let record = BuildManifest.read(source: source, output: output)
        previous = record.flatMap { $0.tool == BuildManifest.tool ? $0 : nil }
        if record != nil && previous == nil {
            note = "blog changed since the last build (\(BuildManifest.version), another build of it): building everything"
        }
    }

    /// The last build's record when nothing it read or wrote changed since, and no post it
    /// left out for its date has fallen due: a build now would write nothing.
    public func unchanged(now: Date = Date()) -> BuildManifest? {
        // A write under way or killed leaves the folder unvouched for, whatever the record says.
        guard let previous, !SiteState.writingUnfinished(source: source, output: output),
            previous.includeDrafts == includeDrafts,
            previous.nextDue.map({ Int64(now.timeIntervalSince1970) < $0 }) ?? true,
            previous.inputs == inputs, previous.outputs == outputs
        else { return nil }
        return previous
    }

    /// The last build's saved state as the cache of this one (`SavedBuild`), with the files of
    /// the site changed since (absolute paths, as `BuildOptions.changedPaths` wants them);
    /// nil when there is no record to trust, or the settings cannot be read.
    /// - Parameter note: told why a save that is there cannot be used (damaged, another
    ///   version of blog), for the one line the build prints before building everything.
    public func savedCache(config: Config?, note: (String) -> Void = { _ in }) -> (cache: BuildCache, changed: Set<String>)? {
        // Into a missing or emptied output every page is made: posts kept hollow would all be
        // read again, which costs more than reading them once.
        guard let previous, let config, previous.build != 0, previous.includeDrafts == includeDrafts,
            !outputs.isEmpty, !SiteState.writingUnfinished(source: source, output: output)
        else { return nil }
        let outputs = self.outputs
        let cache: BuildCache
        switch SavedBuild.read(
            build: previous.build, source: source, output: output, config: config,
            trusted: { path in outputs[path] != nil && outputs[path] == previous.outputs[path] })
        {
        case .success(let saved): cache = saved
        case .failure(let refusal):
            if let why = refusal.note { note(why) }
            return nil
        }
        var changed = Set<String>()
        // A file of an outside theme is no file of the site folder: the load starts afresh.
        func absolute(_ path: String) -> String { path.hasPrefix("theme:") ? "/" + path : source + "/" + path }
        for (path, stamp) in inputs where previous.inputs[path] != stamp { changed.insert(absolute(path)) }
        for path in previous.inputs.keys where inputs[path] == nil { changed.insert(absolute(path)) }
        return (cache, changed)
    }

    /// Gives the build's cache the search index's terms of the last build of this site
    /// (`.blog/search-terms`), read only if the index is made again, and saved again as soon
    /// as it is (`SearchTermsSaving`).
    public func searchTerms(for cache: BuildCache) {
        cache.searchTerms = SearchTermsFile.store(source: source)
        cache.searchTermsSaving = SearchTermsSaving(source: source)
    }

    /// A warning for each file of the output whose name is not UTF-8.
    public var strangerWarnings: [Diagnostic] {
        strangers.map {
            .warning(SitePath.join(output, $0), "this name is not UTF-8, so blog can neither publish nor remove it; delete it, or rename it in UTF-8")
        }
    }

    /// The output's files as the writer should find them: those the walk found, and the
    /// hidden ones the last build wrote (`include:`), so that one no longer published is
    /// removed like any file the site no longer has.
    public var present: [String: FileStamp] {
        var present = outputs
        for path in previous?.hidden ?? [] where present[path] == nil {
            if let stamp = FileStamp(path: SitePath.join(output, path)) { present[path] = stamp }
        }
        return present
    }

    /// Copies the output holds as the last build left them: the writer need not read them.
    public var trustedCopies: [String: UInt64] { previous?.trustedCopies(outputsNow: outputs) ?? [:] }

    /// Marks the output as being written. A site folder that cannot keep state (read-only)
    /// still builds: the problem is returned as a warning to show.
    public func beginWriting() -> Diagnostic? {
        do {
            try SiteState.beginWriting(source: source, output: output)
            return nil
        } catch {
            return .warning(SiteState.folder(source: source), "cannot keep the build's record there (\(error.localizedDescription)); the next build compares every file")
        }
    }

    /// After a write that stopped: a write that left the folder as it was is no write.
    public func writeFailed(_ failure: WriteFailure) {
        if failure.intact { SiteState.endWriting(source: source) }
    }

    /// Records the build just written. Without a record (a full disk) the next build
    /// compares every file: slower, never wrong.
    /// - Parameter cache: the build's cache, saved for the next build (`SavedBuild`).
    public func record(_ result: BuildResult, report: SiteWriter.Report, cache: BuildCache?) {
        var manifest = BuildManifest(
            tool: BuildManifest.tool, includeDrafts: includeDrafts, inputs: inputs,
            outputs: report.stamps ?? BuildManifest.outputs(output).stamps, nextDue: result.nextDue,
            warnings: result.diagnostics.map(\.description))
        manifest.output = output
        for file in result.files {
            switch file.content {
            case .copy, .link: if let key = file.key { manifest.copies[file.path] = key }
            case .data, .kept: break
            }
            if SitePath.isHidden(file.path) { manifest.hidden.append(file.path) }
        }
        manifest.build = UInt64.random(in: 1...UInt64.max)
        // Both at once: the save is trusted only with a record of the same build number, so
        // neither order nor a failure of one can pair a record with another build's save.
        let (source, output, record) = (self.source, self.output, manifest)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                try? record.write(source: source)
            } else if let cache {
                try? SavedBuild.write(cache, build: record.build, source: source, output: output)
            }
        }
        cache?.searchTermsSaving?.wait()
        SiteState.endWriting(source: source)
    }
}
