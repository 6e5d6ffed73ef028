import BlogKit
import Images
import Foundation

/// `blog build` as a step that `blog deploy` takes too: check the output folder, skip the
/// build when nothing changed, build, write, record, report.
enum BuildRunner {
    /// True when the output folder holds the finished site.
    /// - Parameter settings: blog.yaml as the command read it (read here when nil).
    static func run(_ site: SiteOptions, settings: (Config?, [Diagnostic])? = nil, verbose: Bool) throws -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        // Links resolved first: an output reached through a link into the site must be
        // refused or left out of the inputs like the folder itself.
        let output = SiteWriter.resolved(site.outputPath)
        if let refusal = SiteWriter.refusal(output: output, source: site.source) {
            Terminal.report([refusal])
            return false
        }
        let source = SiteWriter.resolved(site.source)
        lockSite(source)
        let settings = settings ?? SiteLoader().config(root: source)
        var clock = StageClock()
        let record = BuildRecord(source: source, output: output, includeDrafts: site.drafts, theme: settings.0?.theme)
        var timings = [("compare files", clock.lap())]
        if let note = record.note { Terminal.line("note: \(note)", toError: true) }
        Terminal.report(record.strangerWarnings)
        if let previous = record.unchanged() {
            for warning in previous.warnings { Terminal.line(warning, toError: true) }
            Terminal.line("Nothing changed in \(seconds(since: started)) s: \(previous.outputs.count) files up to date → \(output)")
            return true
        }
        var options = BuildOptions(source: source, includeDrafts: site.drafts, excluded: output)
        options.settings = settings
        // The last build's state, so that an edit costs what it touches (a new one otherwise,
        // to be saved for the next build).
        let saved = record.savedCache(config: settings.0) { why in
            Terminal.line("note: \(why); building everything", toError: true)
        }
        let cache = saved?.cache ?? BuildCache()
        record.searchTerms(for: cache)
        // Saved from the build on (a temporary renamed): waited for whatever the outcome, so
        // that the command never ends halfway through the file.
        defer { cache.searchTermsSaving?.wait() }
        options.cache = cache
        options.changedPaths = saved?.changed
        options.knownStamps = record.inputs
        timings.append(("read saved build", clock.lap()))
        let result = Progress.during { step in
            options.progress = step
            return SiteBuilder.build(options)
        }
        for note in result.notes { Terminal.line("note: \(note)", toError: true) }
        Terminal.report(result.diagnostics)
        guard result.succeeded else {
            let count = result.diagnostics.filter(\.isError).count
            Terminal.line("build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was left as it was", toError: true)
            return false
        }
        timings += result.timings
        _ = clock.lap()
        if let warning = record.beginWriting() { Terminal.report([warning]) }
        let report: SiteWriter.Report
        do {
            report = try SiteWriter(output: output).write(result.files, recorded: record.trustedCopies, present: record.present)
            timings.append(("write", clock.lap()))
        } catch let failure as WriteFailure {
            record.writeFailed(failure)
            Terminal.line("\(failure)", toError: true)
            return false
        } catch {
            Terminal.line("\(output): error: cannot finish writing the site: \(error)", toError: true)
            return false
        }
        record.record(result, report: report, cache: options.cache)
        // Entries of images no build has used for a month (a photo replaced, a setting changed).
        StorePruning.prune(source + "/" + SiteState.folderName + "/images", keeping: StorePruning.entries(of: result.files))
        timings.append(("record", clock.lap()))
        if verbose {
            let reused = options.cache?.reused ?? (posts: 0, keptPages: 0)
            Terminal.line("  from the last build: \(reused.posts) of \(result.postCount + result.pageCount) posts and pages as resolved, \(reused.keptPages) pages as written")
            let images = ImageWork.counts
            Terminal.line("  images: \(images.decoded) decoded, \(images.reused) from the store in .blog/images")
            for (stage, seconds) in timings {
                let name = stage.padding(toLength: max(18, stage.count), withPad: " ", startingAt: 0)
                Terminal.line("  " + name + String(format: " %8.1f ms", seconds * 1000))
            }
        }
        Terminal.line(
            "Built \(result.postCount) posts, \(result.pageCount) pages, \(result.imageCount) images "
                + "in \(seconds(since: started)) s: \(report.written) files written, "
                + "\(report.unchanged) unchanged, \(report.removed) removed → \(output)")
        return true
    }

    /// One build or deploy of a site at a time (`SiteState.lock`), held until the command ends.
    static func lockSite(_ source: String) {
        // Resolved, so that one site reached by two paths is one lock.
        SiteState.lock(source: SiteWriter.resolved(source)) {
            Terminal.line("another blog command is building or deploying this site; waiting for it to finish…", toError: true)
        }
    }

    private static func seconds(since started: UInt64) -> String {
        String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}

/// A line on the terminal that says a long build is under way and which step it is at
/// (after a second, and only when standard error is a terminal), erased when it ends.
enum Progress {
    static func during<T>(_ work: (_ step: @escaping @Sendable (String) -> Void) -> T) -> T {
        let current = CurrentStep()
        guard Terminal.isTerminal(FileHandle.standardError.fileDescriptor) else { return work(current.set) }
        let started = Date()
        let decodedBefore = ImageWork.counts.decoded
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler {
            let elapsed = Date().timeIntervalSince(started)
            // A first build of a blog of photos spends minutes making their sizes: say how far.
            let images = ImageWork.counts.decoded - decodedBefore
            let line = String(format: "\rBuilding… %.1f s ", elapsed) + current.name
                + (images > 0 ? " · \(images) image sizes made" : "") + "\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
        }
        timer.resume()
        let result = work(current.set)
        timer.cancel()
        if Date().timeIntervalSince(started) >= 1 {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
        return result
    }

    /// The name of the step under way, set by the build's thread, read by the timer's.
    private final class CurrentStep: @unchecked Sendable {
        private let lock = NSLock()
        private var value = ""
        var name: String { lock.withLock { value } }
        func set(_ name: String) { lock.withLock { value = name } }
    }
}
