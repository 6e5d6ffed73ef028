import Foundation

/// One file of the finished site: where it goes, and its bytes or the file to copy them from.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case data(Data)
        /// An absolute path to copy (images, static files), read only when writing.
        case copy(String)
        /// An absolute path to a file of the tool's own store (an image's variant), which is
        /// never written in place once made: published as a hard link to it where the file
        /// system allows (no second copy of its bytes, no new inode), else copied.
        case link(String)
        /// The output holds this file as the last build wrote it, under the same key (a page
        /// `blog build` did not render again): nothing to write, and not stale.
        case kept
    }

    /// Relative to the output folder, e.g. `2016/12/a/index.html`.
    public var path: String
    public var content: Content
    /// What it was made from, for messages: a site-relative file, or a kind of page.
    public var origin: String
    /// A digest of what the file was made from, when known: the writer of `blog serve`
    /// skips a file whose key is the one it wrote last time.
    public var key: UInt64?
    /// The theme's template the page was rendered with, for its links' problems.
    public var template: String?
    /// The `href` and `src` values of a rendered page, found as it is rendered (and kept
    /// with it by a cache), for the check of the theme's links.
    package var links: [String] = []

    public init(path: String, content: Content, origin: String = "a generated page") {
        self.path = path
        self.content = content
        self.origin = origin
    }

    public static func text(_ path: String, _ text: String, origin: String = "a generated page") -> OutputFile {
        OutputFile(path: path, content: .data(Data(text.utf8)), origin: origin)
    }
}
