import Foundation
import BlogCore
import BlogMarkdown

/// Files published as they are: the images and other files posts use, every file of a
/// bundle, `static/`, and the theme's assets.
package struct CopiedFiles {
    package var files: [OutputFile] = []
    package var problems: [Diagnostic] = []
    package var imageCount = 0

    package static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"]

    /// Sources checked to lie inside the site folder (the symbolic-link rule), for the next
    /// build to pass as `verified`.
    package var verified: Set<String> = []

    /// - Parameters:
    ///   - verified: files a build before checked to lie inside the site folder, so that a
    ///     rebuild checks only the `changed` ones (site-relative) again.
    ///   - stamps: size and time of the site's files (site-relative) when the caller has just
    ///     taken them; the others are looked up.
    package static func collect(
        site: SiteSource, posts: [ResolvedPost], theme: Theme, fileSystem: FileSystem,
        verified: Set<String> = [], changed: Set<String> = [], stamps: [String: FileStamp] = [:]
    ) -> CopiedFiles {
        var result = CopiedFiles()
        var sourceByOutput: [String: String] = [:]
        var containment = Containment(fileSystem: fileSystem, root: site.root, realRoot: fileSystem.realPath(site.root))
        // Images published as variants, stripped of their metadata: never copied as they are
        // too, by a bundle or by `static/`.
        let remade = Set(posts.flatMap { $0.assets.compactMap(\.madeFrom) })
        /// - Parameter made: the source is a variant in the image store, published by a hard link.
        func add(_ source: String, at output: String, counted: Bool = true, made: Bool = false) {
            if let existing = sourceByOutput[output] {
                if existing != source {
                    result.problems.append(.error(source, "would be published at /\(output), where \(existing) is published too"))
                }
                return
            }
            let absolute = SitePath.join(site.root, source)
            if !verified.contains(source) || touched(source, by: changed) {
                guard containment.liesInside(absolute) else {
                    result.problems.append(outsideTheSite(source))
                    return
                }
            }
            result.verified.insert(source)
            sourceByOutput[output] = source
            var file = OutputFile(path: output, content: made ? .link(absolute) : .copy(absolute), origin: source)
            // The writer skips a copy whose source has the size and time it had (blog serve
            // remembers the key, blog build finds it in the manifest).
            if let stamp = Self.stamp(stamps[source] ?? FileStamp(path: absolute)) {
                file.key = Digest.of { d in
                    d.add(source)
                    d.add(stamp)
                }
            }
            result.files.append(file)
            if counted, imageExtensions.contains((source as NSString).pathExtension.lowercased()) { result.imageCount += 1 }
        }
        for post in posts {
            // An image published as variants counts once, by the file they are made from.
            for asset in post.assets {
                add(asset.sourcePath, at: asset.outputPath, counted: asset.madeFrom == nil, made: asset.madeFrom != nil)
            }
            if post.source.isBundle, let bundleFiles = site.bundleAssets[post.source.folder] {
                let folder = SiteIndex.folder(of: post.path)
                for file in bundleFiles where !remade.contains(file) {
                    add(file, at: folder + file.dropFirst(post.source.folder.count + 1))
                }
            }
        }
        result.imageCount += remade.subtracting(posts.flatMap { $0.assets.map(\.sourcePath) }).count
        for file in site.staticFiles where !remade.contains(file) { add(file, at: String(file.dropFirst("static/".count))) }
        // The search page's script goes with the page: not published when search is off.
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key })
        where site.config.searchEnabled || path != SearchOutput.script {
            result.files.append(OutputFile(path: "assets/" + path, content: .data(data), origin: "the theme's assets/\(path)"))
        }
        return result
    }
}

/// Size and modification time of a file, digested; nil when it could not be read.
extension CopiedFiles {
    package static func stamp(_ stamp: FileStamp?) -> UInt64? {
        guard let stamp else { return nil }
        return Digest.of { d in
            d.add(UInt64(bitPattern: stamp.size))
            d.add(UInt64(bitPattern: stamp.modified))
        }
    }
}

/// The last check before writing: every output path stays inside the output folder, and no
/// two files claim one path, or one path as a file and as a folder (`/2016` and `/2016/`).
package enum OutputPaths {
    package static func problems(in files: [OutputFile]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var byPath: [String: OutputFile] = [:]
        for file in files {
            guard isPlain(file.path) || SitePath.normalize(file.path) == file.path, !file.path.isEmpty else {
                problems.append(.error(file.origin, "would be written to '\(file.path)', outside the output folder; refused"))
                continue
            }
            if !isPlain(file.path), let problem = hiddenEntryProblem(file) {
                problems.append(problem)
                continue
            }
            if let earlier = byPath[file.path] {
                if earlier != file {
                    problems.append(.error(file.origin, "would be published at /\(file.path), which \(earlier.origin) is published at too"))
                }
            } else {
                byPath[file.path] = file
            }
        }
        for (path, file) in byPath.sorted(by: { $0.key < $1.key }) {
            var folder = ""
            for segment in path.split(separator: "/").dropLast() {
                folder = SitePath.join(folder, String(segment))
                if let blocking = byPath[folder] {
                    problems.append(.error(blocking.origin, "is published at /\(folder), where \(file.origin) needs a folder (for /\(path))"))
                }
            }
        }
        return problems
    }

    /// The output's hidden entries (the `.git` of a GitHub Pages checkout, `.well-known`) are
    /// the writer's own: only a hidden file of `static/` that `include:` lists may land there,
    /// and never in a repository's or blog's own entry. An alias, slug or permalink that
    /// leads into one is refused, whatever it says.
    private static func hiddenEntryProblem(_ file: OutputFile) -> Diagnostic? {
        let segments = file.path.split(separator: "/")
        guard let hidden = segments.first(where: { $0.hasPrefix(".") }) else { return nil }
        let reserved = segments.first { ConfigParser.neverPublished.contains(String($0)) }
        if file.origin.hasPrefix("static/") && reserved == nil { return nil }
        return .error(file.origin, "would be written to '/\(file.path)', into the output's hidden entry '\(reserved ?? hidden)', which blog never touches; refused")
    }

    /// No `.` or `..` segment, no empty segment, not absolute: the common case, told quickly.
    private static func isPlain(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.hasSuffix("/") && !path.hasPrefix(".") && !containsBytes(path, "//")
            && !containsBytes(path, "/.")
    }
}
