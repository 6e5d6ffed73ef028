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
        add("base_url", baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" })
        if let paginate, let n = Int(paginate), n > 0 { settings.append(("paginate", Node(String(n), Tag(.int)))) }
        add("permalink", permalink)
        return settings
    }
}
