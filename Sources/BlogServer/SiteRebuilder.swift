import BlogKit
import Foundation

/// Builds the site into the preview folder whenever asked, one build at a time: changes that
/// arrive during a build make one more build after it, not one each. Tells `LiveReload`.
public actor SiteRebuilder {
    public struct Outcome: Sendable {
        public var succeeded: Bool
        public var milliseconds: Double
        public var written: Int
    }

    private var options: BuildOptions
    private let output: String
    private let liveReload: LiveReload
    private let log: @Sendable (String, Bool) -> Void
    private var running = false
    private var again = false
    /// Kept between builds: only what the changed files touch is made again.
    private let cache = BuildCache()
    /// The keys of what the preview folder holds (`SiteWriter.Report.keys`); nil when
    /// unknown (at first, and after a failed write): the next write compares with the disk.
    private var written: [String: UInt64]?
    /// Files changed since the last build started; nil until the first build.
    private var changed: Set<String>?

    /// - Parameter log: prints a line; the flag says whether it is an error.
    public init(options: BuildOptions, output: String, liveReload: LiveReload,
                log: @escaping @Sendable (String, Bool) -> Void) {
        self.options = options
        self.output = output
        self.liveReload = liveReload
        self.log = log
    }

    public func setOrigin(_ origin: String) { options.origin = origin }

    /// `base_url`'s path, under which the site is served.
    public var lookupBasePath = "/"

    public func setBasePath(_ path: String) { lookupBasePath = path }

    /// Builds now, or after the build under way.
    /// - Parameter paths: the absolute paths that changed.
    public func rebuild(changed paths: [String]) async {
        changed?.formUnion(paths)
        if running {
            again = true
            return
        }
        running = true
        repeat {
            again = false
            _ = await buildOnce()
        } while again
        running = false
    }

    public func buildOnce() async -> Outcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var options = self.options
        options.cache = cache
        options.changedPaths = changed
        options.now = Date()  // a post dated in the future falls due while serving
        let editedPosts = (changed ?? []).filter { $0.hasSuffix(".md") && $0.hasPrefix(options.source + "/") }
            .map { String($0.dropFirst(options.source.count + 1)) }
        changed = []
        // First the pages of the posts just saved, which their tabs are waiting for; then
        // everything that lists them.
        if !editedPosts.isEmpty {
            let (result, report, _) = await run(options, editedPagesOnly: true)
            if verbose { log(Self.describe(result.timings, prefix: "  first pages:"), false) }
            if result.succeeded, !report.writtenPaths.isEmpty {
                await liveReload.buildSucceeded(paths: urls(report.writtenPaths), complete: false)
            }
        }
        let (result, report, writeError) = await run(options)
        if verbose { log(Self.describe(result.timings, prefix: "  whole site: "), false) }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        for diagnostic in result.diagnostics { log(diagnostic.description, true) }
        if !result.succeeded || writeError != nil {
            // What changed is still unbuilt: the next build must look at it again.
            changed = (changed ?? []).union(options.changedPaths ?? [])
        }
        if let writeError {
            log(writeError, true)
            await liveReload.buildFailed([.error(output, writeError)])
            return Outcome(succeeded: false, milliseconds: milliseconds, written: 0)
        }
        if result.succeeded {
            await liveReload.buildSucceeded(paths: urls(report.writtenPaths + report.removedPaths), complete: true)
            log(String(format: "Built in %.0f ms: %d files written", milliseconds, report.written), false)
        } else {
            await liveReload.buildFailed(result.diagnostics.filter(\.isError))
            log("Build failed; still serving the last good build", true)
        }
        return Outcome(succeeded: result.succeeded, milliseconds: milliseconds, written: report.written)
    }

    /// Builds and writes off the actor (the build uses every core), so that requests to
    /// rebuild can queue up, and coalesce, meanwhile.
    private func run(_ options: BuildOptions, editedPagesOnly: Bool = false) async -> (BuildResult, SiteWriter.Report, String?) {
        let output = self.output
        let written = self.written
        let outcome: (BuildResult, SiteWriter.Report, String?) = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var started = StageClock()
                guard var result = editedPagesOnly ? SiteBuilder.editedPages(options) : SiteBuilder.build(options) else {
                    return continuation.resume(returning: (BuildResult(), .init(), nil))
                }
                if editedPagesOnly { result.timings.append(("edited pages", started.lap())) }
                guard result.succeeded else { return continuation.resume(returning: (result, .init(), nil)) }
                do {
                    let writer = SiteWriter(output: output)
                    let report = try result.partial
                        ? writer.writeSome(result.files, since: written ?? [:]) : writer.write(result.files, since: written)
                    if editedPagesOnly { result.timings.append(("write", started.lap())) }
                    continuation.resume(returning: (result, report, nil))
                } catch {
                    continuation.resume(returning: (result, .init(), "\(error)"))
                }
            }
        }
        // A failed write leaves the folder unknown: the next one compares with the disk.
        // Pages written first, into a folder whose keys are unknown, do not make them known.
        if outcome.2 != nil {
            self.written = nil
        } else if outcome.0.succeeded && !(outcome.0.partial && written == nil) {
            self.written = outcome.1.keys
        }
        return outcome
    }

    /// Print how long each stage took (`blog serve --verbose`).
    public var verbose = false

    public func setVerbose(_ flag: Bool) { verbose = flag }

    static func describe(_ timings: [(stage: String, seconds: Double)], prefix: String) -> String {
        prefix + timings.map { String(format: " %@ %.1f ms", $0.stage, $0.seconds * 1000) }.joined(separator: ",")
    }

    /// The URLs of output files, as `location.pathname` shows them: `/blog/2016/01/a/`.
    private func urls(_ paths: [String]) -> [String] {
        let basePath = lookupBasePath
        return paths.map { path in
            let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            return encodePath(basePath + page)
        }
    }
}
