import Foundation

/// Everything a build reads from a site folder, before any Markdown is parsed.
public struct SiteSource: Sendable {
    /// Absolute path of the site folder.
    public var root: String
    public var config: Config
    /// Posts and pages, including drafts and future posts (the build decides).
    public var posts: [SourcePost]
    /// Files of each bundle other than its `index.md`, site-relative, keyed by bundle folder.
    public var bundleAssets: [String: [String]]
    /// Files under `static/`, site-relative.
    public var staticFiles: [String]
    /// The theme's templates (the site's own `templates/` over them) and assets; nil when
    /// the theme folder is missing.
    public var theme: ThemeSource?
    /// Every Markdown file found, loaded or not: what it is.
    var markdownFiles: [String: (kind: ContentKind, isBundle: Bool)] = [:]
    /// The problems found while loading, for a reload to keep those of unchanged files.
    var problems: [Diagnostic] = []
}

/// A template's text with the file it came from, for errors.
public struct TemplateSource: Sendable, Hashable {
    public var path: String
    public var text: String
}

/// Reads a site folder: the I/O edge of the load stage. Parsing is `ConfigParser` and
/// `PostParser`, which this calls with each file's text.
public struct SiteLoader: Sendable {
    public let fileSystem: FileSystem
    /// A folder never read as part of the site (the output, when it lies inside).
    public let excluded: String?

    public init(fileSystem: FileSystem = LocalFileSystem(), excluding excluded: String? = nil) {
        self.fileSystem = fileSystem
        self.excluded = excluded
    }

    /// The settings of the site in `root` and their problems; nil when it has no blog.yaml.
    public func config(root: String) -> (Config?, [Diagnostic]) {
        let configPath = SitePath.join(root, ConfigParser.fileName)
        guard let configData = try? fileSystem.contents(of: configPath) else {
            return (nil, [.error(ConfigParser.fileName, "no \(ConfigParser.fileName) in \(root): is this a site folder?")])
        }
        return ConfigParser.parse(String(decoding: configData, as: UTF8.self))
    }

    /// - Parameter settings: the site's settings when the caller read them already (`config`).
    public func load(root: String, settings: (Config?, [Diagnostic])? = nil) -> (SiteSource?, [Diagnostic]) {
        // A setting that fails keeps its default, and the posts are still read: their own
        // problems are reported in the same run (the build fails on the setting anyway).
        var (settingsRead, problems) = settings ?? config(root: root)
        guard let config = settingsRead else { return (nil, problems) }

        if let problem = postsFolderProblem(root: root) { problems.append(problem) }
        var files: [(path: String, kind: ContentKind, isBundle: Bool)] = []
        var bundleAssets: [String: [String]] = [:]
        for kind in [ContentKind.post, .page] {
            let folder = kind == .post ? "posts" : "pages"
            collectMarkdown(root: root, relative: folder, kind: kind, into: &files, bundleAssets: &bundleAssets)
        }
        let realRoot = fileSystem.realPath(root)
        let inside = files.map { fileSystem.liesInside(SitePath.join(root, $0.path), realRoot: realRoot) }
        problems += zip(files, inside).filter { !$1 }.map { outsideTheSite($0.0.path) }
        files = zip(files, inside).filter(\.1).map(\.0)
        let loaded = files.parallelMap { file in
            loadPost(root: root, path: file.path, kind: file.kind, isBundle: file.isBundle, config: config)
        }
        problems += loaded.flatMap(\.1)
        let overrides = loadTemplates(root: root, problems: &problems)
        let (theme, themeProblems) = ThemeLoader(fileSystem: fileSystem, loader: self)
            .load(config: config, root: root, overrides: overrides)
        problems += themeProblems
        var source = SiteSource(
            root: root, config: config, posts: loaded.compactMap(\.0), bundleAssets: bundleAssets,
            staticFiles: allFiles(root: root, relative: "static", includingHidden: true), theme: theme)
        for file in files { source.markdownFiles[file.path] = (file.kind, file.isBundle) }
        source.problems = problems
        return (source, problems)
    }

    /// A site without its posts would build an empty blog, and `blog deploy --delete` would
    /// then remove the live one: a missing, unreadable or misplaced `posts/` stops the build.
    private func postsFolderProblem(root: String) -> Diagnostic? {
        let posts = SitePath.join(root, "posts")
        if fileSystem.isDirectory(posts) {
            return fileSystem.canList(posts) ? nil : .error("posts/", "cannot read the posts folder (check its permissions)")
        }
        if fileSystem.isFile(posts) { return .error("posts", "is a file; posts go in a folder named posts/") }
        return .error("posts/", "no posts folder in \(root): a site keeps its posts in posts/ (an empty folder is fine)")
    }

    func loadPost(root: String, path: String, kind: ContentKind, isBundle: Bool, config: Config) -> (SourcePost?, [Diagnostic]) {
        guard let data = try? fileSystem.contents(of: SitePath.join(root, path)) else {
            return (nil, [.error(path, "cannot read this file")])
        }
        guard let text = String(validatingUTF8Data: data) else {
            return (nil, [.error(path, "is not UTF-8 text")])
        }
        return PostParser.parse(path: path, text: text, kind: kind, isBundle: isBundle, config: config)
    }

    /// The previous load with only the changed Markdown files read again, when every change is
    /// an edit of a file the site already had (a post, an image, a static file); with no
    /// change, the previous load. Anything else — settings, templates, a file added or
    /// removed — needs a full load: nil.
    public func reload(_ previous: SiteSource?, changed: Set<String>?) -> (SiteSource?, [Diagnostic])? {
        guard var source = previous, let changed else { return nil }
        let known = Set(source.staticFiles).union(source.bundleAssets.values.joined())
        var edited: [String] = []
        for absolute in changed {
            guard absolute.hasPrefix(source.root + "/"), fileSystem.isFile(absolute) else { return nil }
            let path = String(absolute.dropFirst(source.root.count + 1))
            if source.markdownFiles[path] != nil {
                edited.append(path)
            } else if !known.contains(path) {
                return nil
            }
        }
        let editedSet = Set(edited)
        var problems = source.problems.filter { !editedSet.contains($0.location.file) }
        var posts = source.posts.filter { !editedSet.contains($0.sourcePath) }
        for path in edited {
            let (kind, isBundle) = source.markdownFiles[path]!
            let (post, postProblems) = loadPost(root: source.root, path: path, kind: kind, isBundle: isBundle, config: source.config)
            if let post { posts.append(post) }
            problems += postProblems
        }
        source.posts = posts.sorted { $0.sourcePath < $1.sourcePath }
        source.problems = problems
        return (source, problems)
    }

    /// Markdown files under `relative`; a folder with an `index.md` is one bundle.
    private func collectMarkdown(
        root: String, relative: String, kind: ContentKind,
        into files: inout [(path: String, kind: ContentKind, isBundle: Bool)],
        bundleAssets: inout [String: [String]]
    ) {
        let absolute = SitePath.join(root, relative)
        if absolute == excluded { return }
        let names = fileSystem.children(of: absolute)
        if relative.contains("/"), names.contains("index.md") {
            files.append((SitePath.join(relative, "index.md"), kind, true))
            bundleAssets[relative] = allFiles(root: root, relative: relative).filter { !$0.hasSuffix(".md") }
            return
        }
        for name in names {
            let child = SitePath.join(relative, name)
            if name.hasSuffix(".md"), fileSystem.isFile(SitePath.join(root, child)) {
                files.append((child, kind, false))
            } else if fileSystem.isDirectory(SitePath.join(root, child)) {
                collectMarkdown(root: root, relative: child, kind: kind, into: &files, bundleAssets: &bundleAssets)
            }
        }
    }

    /// Every file under a folder, site-relative, sorted.
    func allFiles(root: String, relative: String, includingHidden: Bool = false) -> [String] {
        let absolute = SitePath.join(root, relative)
        if absolute == excluded { return [] }
        var result: [String] = []
        for name in fileSystem.children(of: absolute, includingHidden: includingHidden) {
            let child = SitePath.join(relative, name)
            let childAbsolute = SitePath.join(root, child)
            if fileSystem.isDirectory(childAbsolute) {
                result += allFiles(root: root, relative: child, includingHidden: includingHidden)
            } else if fileSystem.isFile(childAbsolute) {
                result.append(child)
            }
        }
        return result
    }

    private func loadTemplates(root: String, problems: inout [Diagnostic]) -> [String: TemplateSource] {
        var templates: [String: TemplateSource] = [:]
        for path in allFiles(root: root, relative: "templates") where path.hasSuffix(".mustache") {
            let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
            guard let data = try? fileSystem.contents(of: SitePath.join(root, path)),
                let text = String(validatingUTF8Data: data)
            else {
                problems.append(.error(path, "cannot read this template as UTF-8 text"))
                continue
            }
            templates[name] = TemplateSource(path: path, text: text)
        }
        return templates
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        // The standard library's validation, over the bytes where they lie: Foundation's
        // `String(data:encoding:)` took a third of the time of reading a post.
        guard let s = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else { return nil }
        self = s
    }
}

/// What a file reached through a link out of the site is told, wherever it was found.
func outsideTheSite(_ file: String) -> Diagnostic {
    .error(file, "is a symbolic link to a file outside the site folder; it is not published")
}
