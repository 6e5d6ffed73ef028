import Foundation

/// A URL a post's body puts in its page, with where it is written.
public struct BodyLink: Sendable, Hashable {
    /// As the page has it.
    package var url: String
    /// As the writer wrote it.
    package var written: String
    package var isImage: Bool
    /// Where a file of the site folder was looked for, for the message.
    package var lookedIn: String?
    /// False for a URL known to lead somewhere (a post, a copied file) or out of the site.
    package var check: Bool
    /// Lines of the body: cmark's start line of the block, and its end.
    package var estimate: Int
    package var blockEnd: Int

    /// The line of the file the URL is written on; computed only for a problem.
    package func line(in post: SourcePost, lines: BodyLines) -> Int {
        lines.locate(written, from: estimate, to: blockEnd) + post.bodyLineOffset
    }


    package init(url: String, written: String, isImage: Bool, lookedIn: String? = nil, check: Bool, estimate: Int, blockEnd: Int) {
        self.url = url
        self.written = written
        self.isImage = isImage
        self.lookedIn = lookedIn
        self.check = check
        self.estimate = estimate
        self.blockEnd = blockEnd
    }
}

/// The lines of a post's body, split once, on the first problem that needs one: splitting
/// for each problem made a post with 20,000 dead links take minutes. Used by one thread.
package final class BodyLines {
    private let body: String
    private lazy var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
    /// Where the last URL of a block was found: a block's URLs are asked for in order, so
    /// the next one is searched from there (a paragraph of 20,000 links stays linear).
    private var cursor: [Int: Int] = [:]

    package init(_ body: String) { self.body = body }

    /// The line of the body where `url` is written, searched from cmark's start line of its
    /// block to the block's end: cmark gives inline nodes no line, and counting line breaks
    /// misses those inside code spans.
    package func locate(_ url: String, from estimate: Int, to end: Int) -> Int {
        guard !url.isEmpty, estimate >= 1, estimate <= lines.count else { return estimate }
        let last = max(estimate, min(end, lines.count))
        let start = min(max(estimate, cursor[estimate] ?? estimate), last)
        let found = (start...last).first { lines[$0 - 1].contains(url) }
            ?? (estimate..<start).first { lines[$0 - 1].contains(url) }
        if let found { cursor[estimate] = found }
        return found ?? estimate
    }
}
