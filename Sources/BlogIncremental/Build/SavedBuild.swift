import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// What `blog build` keeps of a build for the next run, so that a build after editing one
/// post redoes what that edit touches, as `blog serve` does in memory: the site as loaded,
/// each post as resolved, and the key of each page written. It lies in the site's state
/// folder beside the build's record (`BuildManifest`), never in the output, and is trusted
/// only with that record (the same `build` number).
///
/// Posts are kept without their Markdown and HTML, which would make the file as large as
/// the site: the posts are restored "hollow" (`BuildCache.hollow`), and a post whose page
/// must be made again, or which must be resolved again, is read from its file then
/// (`SiteBuilder.complete`). Its file did not change, or it would not be hollow.
package enum SavedBuild {
    package static let format = "blog saved build 5"

    /// One per output folder, like the record.
    package static func fileName(output: String) -> String {
        var hasher = FNV1a()
        hasher.add(output)
        return "saved-" + String(hasher.value, radix: 16)
    }

    package static func path(source: String, output: String) -> String {
        SitePath.join(SiteState.folder(source: source), fileName(output: output))
    }

    /// Written whole or not at all (a temporary renamed). Lists are in no particular order.
    package static func write(_ cache: BuildCache, build: UInt64, source: String, output: String) throws {
        guard let site = cache.source else { return }
        var w = ByteWriter()
        w.add(format + " " + BuildManifest.tool)
        w.add(build)
        w.add(site.root)
        w.add(site.posts) { $0.add($1) }
        w.add(Array(site.bundleAssets)) { w, entry in
            w.add(entry.key)
            w.add(entry.value)
        }
        w.add(site.staticFiles)
        w.add(site.theme != nil)
        if let theme = site.theme { w.add(theme) }
        w.add(Array(site.markdownFiles)) { w, entry in
            w.add(entry.key)
            w.add(entry.value.kind == .post)
            w.add(entry.value.isBundle)
        }
        w.add(site.problems) { $0.add($1) }
        // A result is kept with the post as this load read it: one made from another version
        // of the post (a build that failed) is of no use.
        let loaded = Dictionary(site.posts.map { ($0.sourcePath, $0) }) { a, _ in a }
        let entries = Array(cache.resolvedPosts.filter { loaded[$0.key] == $0.value.post })
        w.add(entries) { w, entry in
            w.add(entry.key)
            w.add(entry.value.indexKey)
            w.add(entry.value.result)
            w.add(entry.value.problems) { $0.add($1) }
        }
        w.add(Array(cache.pages)) { w, entry in
            w.add(entry.key)
            w.add(entry.value.key)
        }
        w.add(Array(cache.verifiedCopies))
        w.add(Array(cache.checkedPaths ?? []))
        w.add(Array(cache.derived)) { w, entry in
            w.add(entry.key)
            w.add(entry.value.key)
            w.add(entry.value.paths)
        }
        let path = path(source: source, output: output)
        try FileManager.default.createDirectory(
            atPath: SiteState.folder(source: source), withIntermediateDirectories: true)
        var bytes = w.bytes
        // xxHash of the save, eight bytes at its end: one changed byte anywhere means a cold
        // build, never a page made from a damaged value.
        withUnsafeBytes(of: bytes.withUnsafeBytes(ContentHash.xxh64).littleEndian) { bytes.append(contentsOf: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The saved build as a cache for the next one, or nil when there is none for this
    /// record, or it cannot be read.
    /// - Parameters:
    ///   - config: the site's settings as read now; the cache is used only if they did not
    ///     change (a changed `blog.yaml` makes the load start afresh anyway).
    ///   - trusted: whether the output still holds a page as that build wrote it.
    /// A save that cannot be used, and why, for the one line the build prints.
    package enum Refusal: Error {
        case missing
        case damaged
        case otherBuild
        case otherVersion

        package var note: String? {
            switch self {
            case .missing, .otherBuild: nil
            case .damaged: "the saved build in .blog/ is damaged"
            case .otherVersion: "the saved build in .blog/ was made by another version of blog"
            }
        }
    }


    package static func read(
        build: UInt64, source: String, output: String, config: Config, trusted: (String) -> Bool
    ) -> Result<BuildCache, Refusal> {
        guard let data = FileManager.default.contents(atPath: path(source: source, output: output)) else { return .failure(.missing) }
        return data.withUnsafeBytes { whole -> Result<BuildCache, Refusal> in
            guard whole.count > 8 else { return .failure(.damaged) }
            let bytes = UnsafeRawBufferPointer(rebasing: whole[..<(whole.count - 8)])
            let sum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(whole[whole.count - 8 + $1]) << (8 * UInt64($1)) }
            guard ContentHash.xxh64(bytes) == sum else { return .failure(.damaged) }
            var r = ByteReader(bytes)
            guard r.string() == format + " " + BuildManifest.tool, !r.failed else { return .failure(.otherVersion) }
            guard r.unsigned() == build, !r.failed else { return .failure(.otherBuild) }
            let cache = BuildCache()
            var site = SiteSource(
                root: r.string(), config: config, posts: r.list { $0.sourcePost() },
                bundleAssets: Dictionary(r.list { r in (r.string(), r.strings()) }) { a, _ in a },
                staticFiles: r.strings(), theme: r.bool() ? r.themeSource() : nil)
            for (path, kind, isBundle) in r.list({ r in (r.string(), r.bool() ? ContentKind.post : .page, r.bool()) }) {
                site.markdownFiles[path] = (kind, isBundle)
            }
            site.problems = r.list { $0.diagnostic() }
            let posts = Dictionary(site.posts.map { ($0.sourcePath, $0) }) { a, _ in a }
            for (path, indexKey, result, problems) in r.list({ r -> (String, UInt64, ResolvedPost?, [Diagnostic]) in
                let path = r.string()
                let indexKey = r.unsigned()
                let result = posts[path].map { r.resolvedPost(source: $0) }
                return (path, indexKey, result, r.list { $0.diagnostic() })
            }) {
                guard let result, let post = posts[path] else { return .failure(.damaged) }
                cache.resolvedPosts[path] = .init(post: post, indexKey: indexKey, result: result, problems: problems)
            }
            for (path, key) in r.list({ r in (r.string(), r.unsigned()) }) where trusted(path) {
                var file = OutputFile(path: path, content: .kept)
                file.key = key
                cache.pages[path] = (key, file)
            }
            cache.verifiedCopies = Set(r.strings())
            cache.checkedPaths = Set(r.strings())
            for (name, key, paths) in r.list({ r in (r.string(), r.unsigned(), r.strings()) }) {
                cache.derived[name] = (key, paths)
            }
            guard !r.failed, r.atEnd else { return .failure(.damaged) }
            cache.source = site
            return .success(cache)
        }
    }
}
