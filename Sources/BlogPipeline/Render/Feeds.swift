import BlogCore
import BlogMarkdown

/// The files made for machines: the Atom feed, the sitemap, and redirect pages for aliases.
/// Built as text here, not from the theme: their formats are fixed.
package enum Feeds {
    /// Escapes text for XML and drops the characters XML 1.0 does not allow (control
    /// characters), which would make the whole feed unreadable.
    package static func xmlText(_ text: String) -> String {
        let allowed = text.unicodeScalars.allSatisfy(isXMLCharacter)
        return escapeHTML(allowed ? text : String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLCharacter))))
    }

    private static func isXMLCharacter(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x20 ? (s.value != 0xFFFE && s.value != 0xFFFF) : (s == "\t" || s == "\n" || s == "\r")
    }

    package static let feedSize = 20

    /// Atom, the latest posts with full content, with absolute URLs (`feedContent`), since
    /// feed readers show it away from the site.
    package static func atom(index: SiteIndex, posts absolutePosts: [ResolvedPost]) -> OutputFile {
        let config = index.config
        let updated = absolutePosts.map { $0.source.updated ?? $0.date }.compactMap { $0 }.max()
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xmlText(config.language))">
              <title>\(xmlText(config.title))</title>
              <subtitle>\(xmlText(config.description))</subtitle>
              <link href="\(xmlText(index.absoluteURL("feed.xml")))" rel="self" type="application/atom+xml"/>
              <link href="\(xmlText(index.absoluteURL("")))" rel="alternate" type="text/html"/>
              <id>\(xmlText(index.absoluteURL("")))</id>
              <updated>\(updated?.iso8601 ?? "1970-01-01T00:00:00Z")</updated>
              <author><name>\(xmlText(config.author.isEmpty ? config.title : config.author))</name></author>
              <generator>blog</generator>

            """
        for post in absolutePosts {
            let url = xmlText(index.absoluteURL(post.path))
            let published = post.date?.iso8601 ?? ""
            xml += """
                  <entry>
                    <title>\(xmlText(post.title))</title>
                    <link href="\(url)" rel="alternate" type="text/html"/>
                    <id>\(url)</id>
                    <published>\(published)</published>
                    <updated>\(post.source.updated?.iso8601 ?? published)</updated>

                """
            for tag in post.source.tags + post.source.categories {
                xml += "    <category term=\"\(xmlText(tag))\"/>\n"
            }
            xml += """
                    <summary>\(xmlText(post.summary))</summary>
                    <content type="html">\(xmlText(post.feedContent ?? post.content))</content>
                  </entry>

                """
        }
        return .text("feed.xml", xml + "</feed>\n")
    }

    /// Every page a search engine should know, with the date its content last changed.
    static func sitemap(index: SiteIndex, model: SiteModel) -> OutputFile {
        var entries: [(String, PostDate?)] = [("", model.posts.first?.date), ("archives/", nil)]
        entries += (model.posts + model.pages).map { ($0.path, $0.source.updated ?? $0.date) }
        entries += (model.years + model.tags + model.categories).map { ($0.path, nil) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for (path, date) in entries {
            xml += "  <url><loc>\(xmlText(index.absoluteURL(path)))</loc>"
            if let date { xml += "<lastmod>\(date.iso8601)</lastmod>" }
            xml += "</url>\n"
        }
        return .text("sitemap.xml", xml + "</urlset>\n")
    }

    /// A page at each old URL of a post that sends readers (and search engines) to the new one.
    package static func redirects(index: SiteIndex) -> [OutputFile] {
        index.sourceByAlias.sorted { $0.key < $1.key }.compactMap { alias, source in
            guard let target = index.pathBySource[source], let path = SiteIndex.aliasPath(alias) else { return nil }
            return .text(SiteIndex.filePath(of: path), redirectPage(to: index.url(target), canonical: index.absoluteURL(target)), origin: source)
        }
    }

    /// The page that sends a reader on to `url` (root-relative), for search engines `canonical`.
    package static func redirectPage(to url: String, canonical: String) -> String {
        let url = escapeHTML(url)
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Moved</title>
            <link rel="canonical" href="\(escapeHTML(canonical))">
            <meta http-equiv="refresh" content="0; url=\(url)">
            <meta name="robots" content="noindex"></head>
            <body><p>This page has moved to <a href="\(url)">\(url)</a>.</p></body></html>

            """
    }
}
