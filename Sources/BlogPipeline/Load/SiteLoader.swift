import Foundation
import BlogCore
import BlogMarkdown

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
    package var markdownFiles: [String: (kind: ContentKind, isBundle: Bool)] = [:]
    /// The problems found while loading, for a reload to keep those of unchanged files.
    package var problems: [Diagnostic] = []

    package init(root: String, config: Config, posts: [SourcePost], bundleAssets: [String: [String]], staticFiles: [String], theme: ThemeSource? = nil, markdownFiles: [String: (kind: ContentKind, isBundle: Bool)] = [:], problems: [Diagnostic] = []) {
        self.root = root
        self.config = config
        self.posts = posts
        self.bundleAssets = bundleAssets
        self.staticFiles = staticFiles
        self.theme = theme
        self.markdownFiles = markdownFiles
        self.problems = problems
    }
}

/// A template's text with the file it came from, for errors.
public struct TemplateSource: Sendable, Hashable {
    public var path: String
    public var text: String

    package init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Reads a site folder: the I/O edge of the load stage. Parsing is `ConfigParser` and
/// `PostParser`, which this calls with each file's text.
public struct SiteLoader: Sendable {
    public let fileSystem: FileSystem
    /// A folder never read as part of the site (the output, when it lies inside).
    public let excluded: String?

    /// The excluded folder's identity: reached through a link (`static/mirror` → the output),
    /// it is the same folder, and must not be published into itself.
    private let excludedIdentity: FileIdentity?

    /// Told the settings and each bundle's folder with its other files (site-relative) once
    /// the folders are listed, before any post is read: the build starts making their
    /// images' variants then.
    package var bundlesListed: (@Sendable (Config, [(folder: String, files: [String])]) -> Void)?

    public init(fileSystem: FileSystem = LocalFileSystem(), excluding excluded: String? = nil) {
        self.fileSystem = fileSystem
        self.excluded = excluded
        excludedIdentity = excluded.flatMap(fileSystem.identity(of:))
    }

    private func isExcluded(_ absolute: String) -> Bool {
        absolute == excluded || (excludedIdentity != nil && fileSystem.identity(of: absolute) == excludedIdentity)
    }

    /// The settings of the site in `root` and their problems; nil when it has no blog.yaml.
    public func config(root: String) -> (Config?, [Diagnostic]) {
        let configPath = SitePath.join(root, ConfigParser.fileName)
        let kind = fileSystem.kind(of: configPath)
        if let problem = kind.notAFile(ConfigParser.fileName) { return (nil, [problem]) }
        switch kind {
        case .missing:
            return (nil, [.error(ConfigParser.fileName, "no \(ConfigParser.fileName) in \(root): is this a site folder?")])
        case .folder:
            return (nil, [.error(ConfigParser.fileName, "is a folder; the settings go in a file named \(ConfigParser.fileName)")])
        case .file, .special:
            do {
                var (config, problems) = ConfigParser.parse(String(decoding: try fileSystem.contents(of: configPath), as: UTF8.self))
                problems += readInterfaceStrings(root: root, into: &config)
                return (config, problems)
            } catch {
                return (nil, [.error(ConfigParser.fileName, "cannot read this file: \(error)")])
            }
        }
    }

    /// The site's `i18n/<language>.yaml`, when it has one, and what it leaves in English.
    private func readInterfaceStrings(root: String, into config: inout Config) -> [Diagnostic] {
        let file = InterfaceStrings.file(language: config.language)
        let path = SitePath.join(root, file)
        var problems: [Diagnostic] = []
        var site: [String: String]?
        if fileSystem.kind(of: path) == .file, let data = try? fileSystem.contents(of: path) {
            let (strings, found) = InterfaceStrings.parse(String(decoding: data, as: UTF8.self), file: file)
            (site, problems) = (strings, found)
            config.interfaceStrings = strings
        }
        let table = InterfaceTables.table(for: config.language)
        if let missing = InterfaceStrings.coverage(language: config.language, table: table, site: site, file: file) {
            problems.append(missing)
        }
        return problems
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
            collectMarkdown(root: root, relative: folder, kind: kind, into: &files, bundleAssets: &bundleAssets, problems: &problems)
        }
        let realRoot = fileSystem.realPath(root)
        var containment = Containment(fileSystem: fileSystem, root: root, realRoot: realRoot)
        let inside = files.map { containment.liesInside(SitePath.join(root, $0.path)) }
        problems += zip(files, inside).filter { !$1 }.map { outsideTheSite($0.0.path) }
        files = zip(files, inside).filter(\.1).map(\.0)
        let bundles = files.filter(\.isBundle).map { ($0.path as NSString).deletingLastPathComponent }
        bundlesListed?(config, bundles.map { ($0, bundleAssets[$0] ?? []) })
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
            staticFiles: staticFiles(root: root, included: config.includedHidden, problems: &problems), theme: theme)
        for file in files { source.markdownFiles[file.path] = (file.kind, file.isBundle) }
        source.problems = problems
        return (source, problems)
    }

    /// A site without its posts would build an empty blog, and `blog deploy --delete` would
    /// then remove the live one: a missing, unreadable or misplaced `posts/` stops the build.
    private func postsFolderProblem(root: String) -> Diagnostic? {
        let posts = SitePath.join(root, "posts")
        switch fileSystem.kind(of: posts) {
        case .folder: return nil  // an unreadable one is reported as the walk finds it
        case .missing: return .error("posts/", "no posts folder in \(root): a site keeps its posts in posts/ (an empty folder is fine)")
        case .file: return .error("posts", "is a file; posts go in a folder named posts/")
        case .special(let what): return .error("posts", "is \(what); posts go in a folder named posts/")
        }
    }

    package func loadPost(root: String, path: String, kind: ContentKind, isBundle: Bool, config: Config) -> (SourcePost?, [Diagnostic]) {
        let data: Data
        do {
            data = try fileSystem.contents(of: SitePath.join(root, path))
        } catch {
            return (nil, [.error(path, "cannot read this file: \(error)")])
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
        bundleAssets: inout [String: [String]], problems: inout [Diagnostic]
    ) {
        let absolute = SitePath.join(root, relative)
        if isExcluded(absolute) { return }
        guard let folder = readableChildren(absolute, shown: relative, includingHidden: false, problems: &problems) else { return }
        if relative.contains("/"), folder.names.contains("index.md") {
            files.append((SitePath.join(relative, "index.md"), kind, true))
            bundleAssets[relative] = allFiles(root: root, relative: relative, problems: &problems).filter { !$0.hasSuffix(".md") }
            return
        }
        Self.report(folder.undecodable, in: relative, problems: &problems)
        for name in folder.names {
            let child = SitePath.join(relative, name)
            switch fileSystem.kind(of: SitePath.join(root, child)) {
            case .file where name.hasSuffix(".md"): files.append((child, kind, false))
            case .folder: collectMarkdown(root: root, relative: child, kind: kind, into: &files, bundleAssets: &bundleAssets, problems: &problems)
            case let other: if let problem = other.notAFile(child) { problems.append(problem) }
            }
        }
    }

    /// Every regular file under a folder, site-relative, sorted. Anything else is reported
    /// (a FIFO, an unreadable folder), never skipped without a word.
    /// - Parameter keep: whether to take a hidden entry (its path); hidden entries are left
    ///   out otherwise.
    package func allFiles(
        root: String, relative: String, problems: inout [Diagnostic], keep: (String) -> Bool = { _ in false }
    ) -> [String] {
        let absolute = SitePath.join(root, relative)
        if isExcluded(absolute) { return [] }
        guard let folder = readableChildren(absolute, shown: relative, includingHidden: true, problems: &problems) else { return [] }
        Self.report(folder.undecodable, in: relative, problems: &problems)
        var result: [String] = []
        for name in folder.names {
            let child = SitePath.join(relative, name)
            if name.hasPrefix("."), !keep(child) { continue }
            switch fileSystem.kind(of: SitePath.join(root, child)) {
            case .folder: result += allFiles(root: root, relative: child, problems: &problems, keep: keep)
            case .file: result.append(child)
            case let other: if let problem = other.notAFile(child) { problems.append(problem) }
            }
        }
        return result
    }

    /// A folder's entries, or nil with an error naming it when it cannot be read: its posts
    /// would otherwise vanish from the site, and `blog deploy` would delete them from the
    /// live one. A missing folder (`static/`, `pages/`) is no problem.
    private func readableChildren(_ absolute: String, shown: String, includingHidden: Bool, problems: inout [Diagnostic]) -> FolderNames? {
        if let folder = fileSystem.folder(absolute, includingHidden: includingHidden) { return folder }
        let reason = String(cString: strerror(errno))
        if fileSystem.kind(of: absolute) == .folder {
            problems.append(.error(shown + "/", "cannot read this folder (\(reason)); nothing in it would be published"))
        }
        return nil
    }

    /// Entries whose names are not UTF-8, each in a warning: none can be published, and a
    /// post that shows one would otherwise only hear of a missing image.
    private static func report(_ undecodable: [String], in folder: String, problems: inout [Diagnostic]) {
        for name in undecodable {
            problems.append(.warning(SitePath.join(folder, name), "this name is not UTF-8 (\\xNN marks each byte that is not), so it is not published; rename it to publish it"))
        }
    }

    /// The files of `static/`. Hidden ones (`.env`, `.git/`) are published only when
    /// `include:` lists them, and the others are named once in a warning.
    private func staticFiles(root: String, included: [String], problems: inout [Diagnostic]) -> [String] {
        var skipped: [String] = []
        let files = allFiles(root: root, relative: "static", problems: &problems) { path in
            let below = String(path.dropFirst("static/".count))
            // Taken when listed, or on the way to something listed (`.well-known/` for
            // `.well-known/acme-challenge`).
            if included.contains(where: { below == $0 || below.hasPrefix($0 + "/") || $0.hasPrefix(below + "/") }) { return true }
            skipped.append(below + (fileSystem.isDirectory(SitePath.join(root, path)) ? "/" : ""))
            return false
        }
        if !skipped.isEmpty {
            let names = skipped.sorted()
            let shown = names.prefix(10).joined(separator: ", ") + (names.count > 10 ? " and \(names.count - 10) more" : "")
            problems.append(.warning("static/", "hidden files are not published: \(shown) (list the ones to publish under include: in \(ConfigParser.fileName))"))
        }
        // A folder listed only as the way to a file must not publish its other hidden files.
        return files.filter { file in
            let below = String(file.dropFirst("static/".count))
            return !SitePath.isHidden(below) || included.contains { below == $0 || below.hasPrefix($0 + "/") }
        }
    }

    private func loadTemplates(root: String, problems: inout [Diagnostic]) -> [String: TemplateSource] {
        var templates: [String: TemplateSource] = [:]
        for path in allFiles(root: root, relative: "templates", problems: &problems) where path.hasSuffix(".mustache") {
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
    package init?(validatingUTF8Data data: Data) {
        // The standard library's validation, over the bytes where they lie: Foundation's
        // `String(data:encoding:)` took a third of the time of reading a post.
        guard let s = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else { return nil }
        self = s
    }
}

/// What a file reached through a link out of the site is told, wherever it was found.
package func outsideTheSite(_ file: String) -> Diagnostic {
    .error(file, "is a symbolic link to a file outside the site folder; it is not published")
}

extension FileKind {
    /// The error for a path that should be a file of the site and is something else.
    package func notAFile(_ shown: String) -> Diagnostic? {
        guard case .special(let what) = self else { return nil }
        return .error(shown, "is \(what), not a file: blog reads only regular files, and did not open it")
    }
}
