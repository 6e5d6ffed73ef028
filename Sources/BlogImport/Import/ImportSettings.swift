import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// `blog.yaml` for a site moved in: the old settings that have a `blog` equivalent.
enum ImportSettings {
    static func make(
        title: String?, description: String?, author: String?, language: String?, timeZone: String?, baseURL: String?,
        paginate: String?, permalink: String
    ) -> [(String, Node)] {
        var settings: [(String, Node)] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { settings.append((key, .text(value))) }
        }
        add("title", title)
        add("description", description.map(plainLine))
        add("author", author)
        add("language", language)
        add("timezone", timeZone)
        add("base_url", baseURL.flatMap(absoluteBaseURL).map { $0.hasSuffix("/") ? $0 : $0 + "/" })
        if let paginate, let n = Int(paginate), n > 0 { settings.append(("paginate", Node(String(n), Tag(.int)))) }
        add("permalink", permalink)
        return settings
    }

    /// An old site's address as `base_url`: only one with a scheme and a host. Hugo's common
    /// `baseURL: /` (or `/blog/`, `""`) made every address relative to wherever the site was
    /// served, which is what `blog` does without a `base_url`.
    static func absoluteBaseURL(_ url: String) -> String? {
        guard let parsed = URL(string: trimmed(url)), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = parsed.host, !host.isEmpty
        else { return nil }
        return trimmed(url)
    }

    /// Why an old site's address was left out of `blog.yaml`, for the report; nil when it is kept.
    static func baseURLNote(_ url: String?, setting: String) -> String? {
        guard let url, !trimmed(url).isEmpty, absoluteBaseURL(url) == nil else { return nil }
        return "\(setting) '\(url)' names no host (the old site's links were relative to wherever it was served): "
            + "blog.yaml has no base_url, so the new site's links are relative too; add base_url: https://… there "
            + "when the site has an address (the feed, the sitemap and canonical links use it; without it they say http://localhost/)"
    }
}
