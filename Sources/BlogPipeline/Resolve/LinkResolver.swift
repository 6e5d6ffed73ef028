import Foundation
import BlogCore
import BlogMarkdown

/// How a post's URLs are written: root-relative in pages (right under any host, the preview
/// server's too), absolute in the feed, which readers show away from the site.
public enum URLStyle: Sendable { case rootRelative, absolute }

/// A file published because a post uses it: from the site folder to the output folder.
public struct Asset: Sendable, Hashable {
    public var sourcePath: String
    public var outputPath: String
    /// For a file made from another (an image's variant in the state folder): the site file
    /// it was made from, which is not published as it is, and whose change makes it stale.
    public var madeFrom: String?

    package init(sourcePath: String, outputPath: String, madeFrom: String? = nil) {
        self.sourcePath = sourcePath
        self.outputPath = outputPath
        self.madeFrom = madeFrom
    }
}

/// What the site folder holds besides posts: what link resolution checks targets against.
public struct SiteFiles: Sendable {
    public var root: String
    public var fileSystem: FileSystem
    public var staticFiles: Set<String>
    /// The site folder with symbolic links resolved, to tell whether a file lies inside it.
    public let realRoot: String

    public init(root: String, fileSystem: FileSystem, staticFiles: Set<String>) {
        self.root = root
        self.fileSystem = fileSystem
        self.staticFiles = staticFiles
        realRoot = fileSystem.realPath(root)
    }
}

/// Decides what one link or image URL of a post becomes. Pure but for looking at files.
package struct LinkResolver {
    package enum Outcome {
        /// Not into the site (another host, a `#fragment`): as written.
        case keep
        /// A post, a page or a static file, known to exist.
        case rewrite(String, linkedSource: String?)
        case asset(Asset, url: String)
        /// Into the site, but nothing of the site folder: the URL the page gets, checked
        /// against the finished output (`LinkCheck`); `lookedIn` says where files were sought.
        case unverified(String, lookedIn: String)
        case problem(String)
    }

    package let post: SourcePost
    package let index: SiteIndex
    package let files: SiteFiles
    package let style: URLStyle
    package var realRoot: String { files.realRoot }

    package init(post: SourcePost, index: SiteIndex, files: SiteFiles, style: URLStyle) {
        (self.post, self.index, self.files, self.style) = (post, index, files, style)
    }

    package func url(_ path: String) -> String {
        style == .absolute ? index.absoluteURL(path) : index.url(path)
    }

    /// Why a link that climbs above the site folder is not published, and, when read from the
    /// page's address (as a browser reads it, and as the old generator's pages did) it lands
    /// inside the site, what to write instead.
    private func aboveTheSite(_ raw: String, path: String, rooted: Bool) -> String {
        let from = rooted ? "" : " from \(post.folder)/ (a relative link is read from the post's file)"
        let page = index.pathBySource[post.sourcePath] ?? ""
        let hint = rooted ? nil : SitePath.normalize(SitePath.join(page, path)).map { "; from the page's address it is '/\($0)': write that if you meant it" }
        return "'\(raw)' goes above the site folder\(from)\(hint ?? ""); it is not published"
    }

    package func resolve(_ raw: String, isImage: Bool) -> Outcome {
        if raw.isEmpty || raw.hasPrefix("#") || raw.hasPrefix("//") || hasURLScheme(raw) { return .keep }
        let (pathPart, suffix) = splitSuffix(raw)
        let path = pathPart.utf8.contains(UInt8(ascii: "%")) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
        if path.isEmpty { return .keep }  // `?query` alone
        if let target = index.sourceByAlias[path] {
            return crossLink(to: target, suffix: suffix, written: raw)
        }
        let isRooted = path.hasPrefix("/")
        guard let sitePath = SitePath.normalize(isRooted ? path : SitePath.join(post.folder, path)) else {
            return .problem(aboveTheSite(raw, path: path, rooted: isRooted))
        }
        if path.hasSuffix(".md") {
            return crossLink(to: sitePath, suffix: suffix, written: raw)
        }
        if SitePath.isHidden(sitePath) || sitePath == ConfigParser.fileName
            || sitePath.hasPrefix("templates/")
        {
            return .problem("'\(raw)' points to a hidden file or to the site's settings; it is not published")
        }
        if isRooted {
            return rootedTarget(path: path, sitePath: sitePath, suffix: suffix, isImage: isImage, raw: raw)
        }
        return localFile(sitePath: sitePath, suffix: suffix, isImage: isImage, raw: raw)
    }

    private func crossLink(to source: String, suffix: String, written: String) -> Outcome {
        guard let path = index.pathBySource[source] else {
            if index.brokenSources.contains(source) { return .rewrite(written, linkedSource: nil) }
            if index.unpublishedSources.contains(source) {
                return .problem("link to '\(written)' points to a draft or a future post, which this build leaves out (build with --drafts to include it)")
            }
            return .problem("link to '\(written)' does not match any post or page (looked for \(source))")
        }
        return .rewrite(url(path) + suffix, linkedSource: source)
    }

    /// `/images/a.png` is a file of `static/`; `/tags/` is a page of the site.
    private func rootedTarget(path: String, sitePath: String, suffix: String, isImage: Bool, raw: String) -> Outcome {
        if files.staticFiles.contains("static/" + sitePath) {
            return .rewrite(url(sitePath) + suffix, linkedSource: nil)
        }
        let basePath = index.config.basePath
        if basePath != "/" && path.hasPrefix(basePath) { return .unverified(raw, lookedIn: "static/") }
        return .unverified(url(sitePath + (path.hasSuffix("/") && !sitePath.isEmpty ? "/" : "")) + suffix, lookedIn: "static/")
    }

    /// A file beside the post: published next to the post's page.
    private func localFile(sitePath: String, suffix: String, isImage: Bool, raw: String) -> Outcome {
        let absolute = SitePath.join(files.root, sitePath)
        let folderName = post.folder.isEmpty ? "the site folder" : post.folder + "/"
        guard files.fileSystem.isFile(absolute) else {
            if isImage && files.fileSystem.isDirectory(absolute) {
                return .problem("image '\(raw)' is a folder (\(sitePath)/), not an image")
            }
            // Perhaps a page of the site, written relative to the post's URL.
            return .unverified(raw, lookedIn: folderName)
        }
        var containment = Containment(fileSystem: files.fileSystem, root: files.root, realRoot: realRoot)
        guard containment.liesInside(absolute) else {
            return .problem("'\(raw)' leads outside the site folder through a symbolic link; it is not published")
        }
        let inFolder = post.folder.isEmpty || sitePath.hasPrefix(post.folder + "/")
        let relative = inFolder
            ? String(sitePath.dropFirst(post.folder.isEmpty ? 0 : post.folder.count + 1))
            : (sitePath as NSString).lastPathComponent
        let pagePath = index.pathBySource[post.sourcePath] ?? ""
        let output = SiteIndex.folder(of: pagePath) + relative
        return .asset(Asset(sourcePath: sitePath, outputPath: output), url: url(output) + suffix)
    }

    /// `/img/photo.jpg` written in a post, when it is a file of `static/`: as an asset
    /// published where the static file is, for its variants to go beside it.
    package func staticAsset(_ raw: String) -> Asset? {
        let (pathPart, _) = splitSuffix(raw)
        let path = pathPart.removingPercentEncoding ?? pathPart
        guard path.hasPrefix("/"), let sitePath = SitePath.normalize(path), !sitePath.isEmpty,
            files.staticFiles.contains("static/" + sitePath)
        else { return nil }
        return Asset(sourcePath: "static/" + sitePath, outputPath: sitePath)
    }

    /// Splits `a.md?x#y` into `a.md` and `?x#y`.
    private func splitSuffix(_ url: String) -> (String, String) {
        guard let cut = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<cut]), String(url[cut...]))
    }
}
