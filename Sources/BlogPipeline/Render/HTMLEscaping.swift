import Mustache
import BlogCore
import BlogMarkdown

/// How templates escape `{{values}}`: the five characters swift-mustache escapes, found byte
/// by byte. swift-mustache's own escaping walks `Character`s (grapheme clusters), which made
/// it a fifth of all rendering time, and misses a quote that a combining mark follows
/// (`"` + U+0301 is one `Character`, not `"`), which would end an attribute value early.
package struct HTMLEscaping: MustacheContentType {
    /// The pragma that selects this escaping, put first in every template of a theme.
    package static let pragma = "{{% CONTENT_TYPE: BLOG_HTML }}\n"

    /// Registers the content type with swift-mustache (once per process).
    package static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: "BLOG_HTML")

    package func escapeText(_ text: String) -> String { escapeHTML(text) }
}
