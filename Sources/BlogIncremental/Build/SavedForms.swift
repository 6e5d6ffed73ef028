import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// How each value a saved build holds is written (`ByteWriter`) and read back (`ByteReader`),
/// field by field, in one order. Posts are saved without their Markdown and HTML (a tenth of
/// the size): the build reads a post's file again when it needs those (`SavedBuild`).
extension ByteWriter {
    package mutating func add(_ post: SourcePost) {
        add(post.kind == .post)
        add(post.sourcePath)
        add(post.folder)
        add(post.isBundle)
        add(post.title)
        add(post.date)
        add(post.updated)
        add(post.tags)
        add(post.categories)
        add(post.slug)
        add(post.draft)
        add(post.summary)
        add(post.image)
        add(post.aliases)
        add(post.yearSummary != nil)
        add(post.yearSummary ?? 0)
        add(post.bodyLineOffset)
        add(post.body.digest)
        add(Array(post.keyLines)) { w, entry in
            w.add(entry.key)
            w.add(entry.value)
        }
        add(post.loadFailed)
    }

    package mutating func add(_ date: PostDate?) {
        add(date != nil)
        guard let date else { return }
        add(date.secondsSince1970)
        add(date.offsetSeconds)
    }

    /// Everything but the content, which only the post's own page shows.
    package mutating func add(_ post: ResolvedPost) {
        add(post.title)
        add(post.path)
        add(post.excerpt)
        add(post.hasMore)
        add(post.summary)
        add(post.toc) { w, entry in
            w.add(entry.level)
            w.add(entry.id)
            w.add(entry.title)
        }
        add(post.words)
        add(post.assets) { w, asset in
            w.add(asset.sourcePath)
            w.add(asset.outputPath)
            w.add(asset.madeFrom)
        }
        add(post.linkedSources)
        add(post.fragmentLinks) { w, link in
            w.add(link.target)
            w.add(link.fragment)
            w.add(link.line)
        }
        add(post.links) { w, link in
            w.add(link.url)
            w.add(link.written)
            w.add(link.isImage)
            w.add(link.lookedIn)
            w.add(link.check)
            w.add(link.estimate)
            w.add(link.blockEnd)
        }
        add(post.feedContent)
        add(post.image != nil)
        if let image = post.image {
            add(image.path)
            add(image.isExternal)
            add(image.size != nil)
            add(image.size?.width ?? 0)
            add(image.size?.height ?? 0)
        }
        add(post.digest)
    }

    package mutating func add(_ problem: Diagnostic) {
        add(problem.severity == .error)
        add(problem.location.file)
        add(problem.location.line ?? -1)
        add(problem.location.column ?? -1)
        add(problem.message)
    }

    package mutating func add(_ theme: ThemeSource) {
        add(theme.name)
        add(theme.templates.sorted { $0.key < $1.key }) { w, entry in
            w.add(entry.key)
            w.add(entry.value.path)
            w.add(entry.value.text)
        }
        add(theme.assets.sorted { $0.key < $1.key }) { w, entry in
            w.add(entry.key)
            w.add(entry.value)
        }
    }
}

extension ByteReader {
    /// A post without its body (`SavedBuild.hollow`).
    package mutating func sourcePost() -> SourcePost {
        let kind: ContentKind = bool() ? .post : .page
        let (sourcePath, folder, isBundle, title) = (string(), string(), bool(), optionalString())
        let (date, updated, tags, categories) = (postDate(), postDate(), strings(), strings())
        let (slug, draft, summary, image, aliases) = (string(), bool(), optionalString(), optionalString(), strings())
        let hasYearSummary = bool()
        let yearSummary = int()
        let bodyLineOffset = int()
        let bodyDigest = unsigned()
        let keyLines = list { r in (r.string(), r.int()) }
        return SourcePost(
            kind: kind, sourcePath: sourcePath, folder: folder, isBundle: isBundle, title: title, date: date,
            updated: updated, tags: tags, categories: categories, slug: slug, draft: draft, summary: summary,
            image: image, aliases: aliases, yearSummary: hasYearSummary ? yearSummary : nil, body: .onDisk(digest: bodyDigest),
            bodyLineOffset: bodyLineOffset, keyLines: Dictionary(keyLines) { a, _ in a }, loadFailed: bool())
    }

    package mutating func postDate() -> PostDate? {
        guard bool() else { return nil }
        return PostDate(secondsSince1970: int64(), offsetSeconds: int())
    }

    /// The post as `ByteWriter.add(_: ResolvedPost)` left it: without content.
    package mutating func resolvedPost(source: SourcePost) -> ResolvedPost {
        let (title, path, excerpt, hasMore, summary) = (string(), string(), string(), bool(), string())
        let toc = list { r in TOCEntry(level: r.int(), id: r.string(), title: r.string()) }
        let words = int()
        let assets = list { r in Asset(sourcePath: r.string(), outputPath: r.string(), madeFrom: r.optionalString()) }
        let linkedSources = strings()
        let fragmentLinks = list { r in FragmentLink(target: r.string(), fragment: r.string(), line: r.int()) }
        let links = list { r in
            BodyLink(url: r.string(), written: r.string(), isImage: r.bool(), lookedIn: r.optionalString(),
                     check: r.bool(), estimate: r.int(), blockEnd: r.int())
        }
        let feedContent = optionalString()
        let image = bool() ? leadImage() : nil
        return ResolvedPost(
            source: source, title: title, path: path, content: "", excerpt: excerpt, hasMore: hasMore,
            summary: summary, toc: toc, words: words, assets: assets, linkedSources: linkedSources,
            fragmentLinks: fragmentLinks, links: links, feedContent: feedContent, image: image, digest: unsigned())
    }

    private mutating func leadImage() -> LeadImage {
        let (path, isExternal, hasSize) = (string(), bool(), bool())
        let (width, height) = (int(), int())
        return LeadImage(path: path, isExternal: isExternal, size: hasSize ? ImageSize(width: width, height: height) : nil)
    }

    package mutating func diagnostic() -> Diagnostic {
        let severity: Diagnostic.Severity = bool() ? .error : .warning
        let (file, line, column, message) = (string(), int(), int(), string())
        return Diagnostic(
            severity, SourceLocation(file: file, line: line < 0 ? nil : line, column: column < 0 ? nil : column), message)
    }

    package mutating func themeSource() -> ThemeSource {
        var theme = ThemeSource()
        theme.name = string()
        for (name, source) in list({ r in (r.string(), TemplateSource(path: r.string(), text: r.string())) }) {
            theme.templates[name] = source
        }
        for (path, data) in list({ r in (r.string(), r.data()) }) { theme.assets[path] = data }
        return theme
    }
}
