import BlogCore
import BlogMarkdown

/// `/search/…`: the search index of the site's posts and pages (`SearchIndex`), which the
/// search page's script reads. Drafts are never in it, even in a build with `--drafts`: a
/// preview's index is the published one. Off with `search: {enabled: false}`.
package struct SearchOutput: DerivedOutput {
    package static let folder = "search/"

    package var name: String { "search" }

    /// What is indexed: the posts (newest first, which makes a document's number its
    /// recency), then the pages.
    static func documents(_ model: SiteModel) -> [ResolvedPost] {
        guard model.index.config.searchEnabled else { return [] }
        return (model.posts + model.pages).filter { !$0.source.draft }
    }

    static func layout(_ model: SiteModel) -> SearchIndex.Layout? {
        guard model.index.config.searchEnabled else { return nil }
        let docs = documents(model)
        // Summaries are kept by a saved build, where the text may not be: a sample of it.
        let sample = docs.map(\.summary).joined()
        let cjk = sample.unicodeScalars.filter { SearchTokenizer.isCJK($0.value) }.count
        let latin = sample.split(whereSeparator: { $0 == " " }).count
        return SearchIndex.Layout(
            docs: docs.count, words: docs.reduce(0) { $0 + $1.words + $1.title.count },
            cjkShare: cjk == 0 ? 0 : Double(cjk) / Double(cjk + latin))
    }

    package func paths(_ model: SiteModel) -> [String] {
        Self.layout(model)?.paths.map { Self.folder + $0 } ?? []
    }

    /// The posts' digests cover their text, title, date, tags and draft state; the config's
    /// the language dates are written in, and whether search is on.
    package func key(_ model: SiteModel) -> UInt64 {
        Digest.of { d in
            d.add(model.index.configDigest)
            for post in Self.documents(model) {
                d.add(post.path)
                d.add(post.digest)
            }
        }
    }

    package func make(_ model: SiteModel) -> [OutputFile] { make(model, content: { $0.content }) }

    package func make(_ model: SiteModel, content: @escaping PostContent) -> [OutputFile] {
        guard let layout = Self.layout(model) else { return [] }
        let interface = Interface(config: model.index.config)
        let index = model.index
        let docs = Self.documents(model).parallelMap { post in
            SearchDocument(
                url: index.url(post.path), title: post.title, date: post.date.map(interface.date) ?? "",
                tags: post.source.tags, html: content(post))
        }
        return SearchIndex.files(docs, layout: layout).map { file in
            OutputFile.text(Self.folder + file.path, file.text, origin: "the search index")
        }
    }
}
