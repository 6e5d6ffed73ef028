import BlogKit
import Foundation

/// Builds the site into the output folder whenever asked, one build at a time: changes that
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
        changed = []
        let buildOptions = options
        let output = self.output
        let cache = self.cache
        // The build uses every core; run it off the actor so that requests to rebuild can
        // queue up (and coalesce) meanwhile.
        let (result, written, writeError) = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let result = SiteBuilder.build(buildOptions)
                guard result.succeeded else { return continuation.resume(returning: (result, 0, nil as String?)) }
                do {
                    let report = try SiteWriter(output: output).write(result.files, cache: cache)
                    continuation.resume(returning: (result, report.written, nil))
                } catch {
                    continuation.resume(returning: (result, 0, "\(error)"))
                }
            }
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        for diagnostic in result.diagnostics { log(diagnostic.description, true) }
        if let writeError {
            log(writeError, true)
            await liveReload.buildFailed([.error(output, writeError)])
            return Outcome(succeeded: false, milliseconds: milliseconds, written: 0)
        }
        if result.succeeded {
            await liveReload.buildSucceeded()
            log(String(format: "Built in %.0f ms: %d files written", milliseconds, written), false)
        } else {
            await liveReload.buildFailed(result.diagnostics.filter(\.isError))
            log("Build failed; still serving the last good build", true)
        }
        return Outcome(succeeded: result.succeeded, milliseconds: milliseconds, written: written)
    }
}
