import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// The incremental layer: whole step results reused from the build before (`BuildCache`)
/// while what they are made from is the same. Only the build layer calls these; the stages
/// never see the cache.
extension SiteBuilder {
    /// Where every post goes, and the key resolution results are cached under; the last
    /// build's when no post's URL, alias or publication changed.
    package static func siteIndex(site: SiteSource, published: [SourcePost], files: SiteFiles, cache: BuildCache?)
        -> (SiteIndex, [Diagnostic], UInt64)
    {
        let inputs = published.map { IndexInput($0) }
        let unpublished = Set(site.posts.filter { !$0.loadFailed }.map(\.sourcePath)).subtracting(published.map(\.sourcePath))
        let config = site.config
        if let cached = cache?.index, cached.inputs == inputs, cached.index.unpublishedSources == unpublished,
            cached.staticFiles == files.staticFiles, cached.index.configDigest == SiteIndex(config: config).configDigest
        {
            return (cached.index, [], cached.key)
        }
        var (index, problems) = SiteIndex.build(published, config: config)
        index.unpublishedSources = unpublished
        let key = cache == nil ? 0 : index.resolutionKey(staticFiles: files.staticFiles)
        cache?.index = problems.isEmpty ? (inputs, files.staticFiles, index, key) : nil
        return (index, problems, key)
    }

    /// The posts grouped by date, tag and category; when only posts' text changed, the last
    /// build's groups with the new posts put in place of the old.
    package static func siteModel(index: SiteIndex, resolved: [ResolvedPost], cache: BuildCache?) -> SiteModel {
        if let previous = cache?.model, let model = previous.replacing(resolved, index: index) {
            cache?.model = model
            return model
        }
        let model = SiteModel(
            index: index, posts: resolved.filter { $0.source.kind == .post },
            pages: resolved.filter { $0.source.kind == .page })
        cache?.model = model
        return model
    }

    /// The theme as parsed by the build before, while its templates and assets are the same.
    package static func parsedTheme(_ source: ThemeSource, cache: BuildCache?) -> (Theme?, [Diagnostic]) {
        let digest = source.digest
        if let cached = cache?.theme, cached.digest == digest { return (cached, []) }
        let (theme, problems) = Theme.load(source, digest: digest)
        if problems.isEmpty { cache?.theme = theme }
        return (theme, problems)
    }

    /// Each derived output (feed, sitemap, redirects…), made again only when its key changed;
    /// its files are kept with the pages, so a saved build keeps them too, and the paths it
    /// made with that key (the search index decides how many files it has as it makes them).
    /// `content` gives a post's HTML, read again for a post the cache holds without it.
    package static func derived(_ model: SiteModel, content: @escaping PostContent, cache: BuildCache?) -> [OutputFile] {
        DerivedOutputs.all(searchTerms: cache?.searchTerms).flatMap { output -> [OutputFile] in
            let key = output.key(model)
            func fileKey(_ path: String) -> UInt64 { Digest.of { $0.add(key); $0.add(path) } }
            if let cache, let made = cache.derivedPaths(output.name, key: key) {
                let kept = made.compactMap { cache.page($0, key: fileKey($0)) }
                if kept.count == made.count { return kept }
            }
            let files = output.make(model, content: content).map { made in
                var file = made
                file.key = fileKey(file.path)
                cache?.store(page: file, key: fileKey(file.path))
                return file
            }
            cache?.storeDerivedPaths(output.name, key: key, paths: files.map(\.path))
            return files
        }
    }

    /// Each page of the last build whose key is the same, the others rendered.
    /// The derived outputs (the search index above all) are made on a thread of their own
    /// while the pages render: their steps that use one core (a merge, a file's text) then
    /// run beside the pages' rather than after them, with a core idle. The index's terms
    /// start being saved once it is made (`SearchTermsSaving`), for `blog build`.
    package static func render(_ plan: Plan, cache: BuildCache?) -> [OutputFile] {
        nonisolated(unsafe) var outputs: [OutputFile] = []
        let making = DispatchGroup()
        let (model, content) = (plan.model, plan.renderer.data.content)
        DispatchQueue.global().async(group: making) {
            outputs = derived(model, content: content, cache: cache)
            if let cache { cache.searchTermsSaving?.start(cache.searchTerms) }
        }
        let pages = cache?.pages(for: plan.jobs, render: plan.renderer.render) ?? plan.renderer.render(plan.jobs)
        // Made as the pages needed them: this build's, and the last one's it did not need.
        cache?.summaries = plan.renderer.data.converted
        making.wait()
        return pages + outputs
    }

    /// The last check: every path inside the output, none twice; skipped when the paths
    /// are those last found free of conflicts.
    package static func checkedPaths(_ files: [OutputFile], cache: BuildCache?, problems: inout [Diagnostic]) -> [OutputFile] {
        let paths = Set(files.map(\.path))
        if cache?.checkedPaths != paths || paths.count != files.count {
            let found = OutputPaths.problems(in: files)
            problems += found
            cache?.checkedPaths = found.isEmpty ? paths : nil
        }
        return files
    }
}
