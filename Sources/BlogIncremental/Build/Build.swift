import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// What to build, and the outside world the build may see (the clock, the file system).
public struct BuildOptions: Sendable {
    public var source: String
    public var includeDrafts = false
    /// Posts dated after this are left out (unless drafts are included).
    public var now = Date()
    public var fileSystem: FileSystem = LocalFileSystem()
    /// A folder inside the site folder that must not be read (the output).
    public var excluded: String?
    /// `http://127.0.0.1:4000` while previewing: absolute URLs (canonical, feed) then point at
    /// the preview server; `base_url`'s path is kept.
    public var origin: String?
    /// `blog check`: also warn about images without alt text or too large, links to missing
    /// `#fragments`, and posts without tags.
    public var checks = false
    /// Kept from build to build by `blog serve`: steps whose inputs did not change are reused.
    public var cache: BuildCache?
    /// Absolute paths changed since the last build with the same cache (from the watcher);
    /// nil when unknown, which means: look at everything.
    public var changedPaths: Set<String>?
    /// The site's settings and their problems, when the caller read them already
    /// (`SiteLoader.config`): blog.yaml is read once a command.
    public var settings: (Config?, [Diagnostic])?
    /// Size and time of the site's files (site-relative), when the caller has just taken them
    /// (the build's record): copies are keyed by them without a `stat` each.
    public var knownStamps: [String: FileStamp] = [:]
    /// Told the name of each step as it starts (the command line's progress line).
    public var progress: (@Sendable (String) -> Void)?
    /// Images published as variants (`images:` in blog.yaml); off for a build that only
    /// wants the site's problems (`blog import`'s check), which would otherwise encode every
    /// photo of an old blog before the writer's first build does.
    public var imageVariants = true

    public init(source: String, includeDrafts: Bool = false, now: Date = Date(), excluded: String? = nil) {
        self.source = URL(fileURLWithPath: source).standardizedFileURL.path
        self.includeDrafts = includeDrafts
        self.now = now
        self.excluded = excluded.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}

/// A finished render: every file of the site, or the problems that stopped it.
public struct BuildResult: Sendable {
    public var files: [OutputFile] = []
    public var diagnostics: [Diagnostic] = []
    public var postCount = 0
    public var pageCount = 0
    public var imageCount = 0
    /// When the earliest post dated in the future becomes due (seconds since 1970).
    public var nextDue: Int64?
    /// Only some pages were made (`editedPages`): not a whole site to write.
    public var partial = false
    /// What the build did differently and why (one line each, not a problem of the site).
    public var notes: [String] = []

    public init() {}
    /// How long each stage took, in order, for `--verbose`.
    public var timings: [(stage: String, seconds: Double)] = []

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline end to end, as a list of named steps (their names are what `--verbose`
/// times and the progress line shows): load → index → parse and resolve → theme → plan →
/// check posts' links → render → check the theme's links and the paths. Each step takes
/// values and returns values (`Steps.swift`); the incremental layer (`BuildCache`, used
/// only here and in `Memo.swift`) reuses whole step results whose inputs did not change.
/// Writing is the caller's last step (`SiteWriter`), taken only when the build succeeded.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildResult {
        let result = buildOnce(options)
        guard let cache = options.cache, let betrayed = cache.takeDistrusted() else { return result }
        // A file changed although its size and time did not: nothing restored is trusted.
        var cold = options
        cold.changedPaths = nil
        var again = buildOnce(cold)
        again.notes.append("\(betrayed) changed since the last build although its size and time did not; built everything")
        return again
    }

    private static func buildOnce(_ options: BuildOptions) -> BuildResult {
        var run = BuildRun(progress: options.progress)
        let ahead = ImagesAhead()
        defer { ahead.stop() }
        guard let site = run.step("load", { Self.load(options, ahead: ahead, problems: &$0) }) else { return run.finish() }
        let indexed = run.step("index") { Self.index(site, options: options, problems: &$0) }
        run.result.nextDue = indexed.nextDue
        let posts = run.step("parse and resolve") { Self.resolve(indexed, options: options, ahead: ahead, problems: &$0) }
        ahead.stop()
        if let note = Self.imageNote(indexed.index.config) { run.result.notes.append(note) }
        guard let theme = run.step("theme", { Self.theme(site, cache: options.cache, problems: &$0) }) else {
            return run.finish()
        }
        let plan = run.step("plan") { Self.plan(site, indexed, posts, theme, options: options, problems: &$0) }
        run.step("kept pages") { _ in Self.dropStaleKeptPages(plan, options: options) }
        // Every path of the site is known before any page is rendered: links are checked
        // now, so that a site with other errors hears of its dead links in the same round.
        run.step("posts' links") {
            $0 += LinkCheck.bodyProblems(posts.published + posts.broken, site: plan.urls) { post in
                post.body.text ?? Self.complete(post, indexed, options: options)?.body.text
            }
        }
        guard !run.failed else { return run.finish() }
        let pages = run.step("render") { _ in Self.render(plan, cache: options.cache) }
        run.step("theme's links") { $0 += LinkCheck.themeProblems(pages, posts: posts.published, theme: theme, site: plan.urls) }
        let files = run.step("copies and checks") { Self.checkedPaths(pages + plan.copies.files, cache: options.cache, problems: &$0) }
        options.cache?.keepOnly(posts: Set(posts.published.map(\.source.sourcePath)), pages: Set(files.map(\.path)))
        run.result.postCount = plan.model.posts.count
        run.result.pageCount = plan.model.pages.count
        run.result.imageCount = plan.copies.imageCount
        return run.finish(files: files)
    }
}

/// A build under way: the problems found so far, and how long each named step took.
package struct BuildRun {
    package var result = BuildResult()
    private var clock = StageClock()
    package let progress: (@Sendable (String) -> Void)?

    package init(progress: (@Sendable (String) -> Void)?) { self.progress = progress }

    package var failed: Bool { result.diagnostics.hasErrors }

    package mutating func step<T>(_ name: String, _ body: (inout [Diagnostic]) -> T) -> T {
        progress?(name)
        var problems: [Diagnostic] = []
        let value = body(&problems)
        result.diagnostics += problems
        result.timings.append((name, clock.lap()))
        return value
    }

    /// Problems sorted by place; no files when any is an error.
    package func finish(files: [OutputFile] = []) -> BuildResult {
        var result = result
        result.diagnostics = result.diagnostics.sortedByLocation
        result.files = result.diagnostics.hasErrors ? [] : files
        return result
    }
}

/// Measures the stages of a build: the seconds since the last lap.
public struct StageClock: Sendable {
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    public mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
