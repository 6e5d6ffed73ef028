import Foundation

import CCmark
import BlogCore

/// `## Title {#custom-id}` (kramdown, Hugo, Pandoc): the braces are removed and the id kept
/// for the heading (`MarkdownDocument.headingIDs`), which the table of contents and the
/// `#fragment` checks then use.
package struct HeadingAttributes {
    package let document: MarkdownDocument

    package func apply() {
        for heading in document.allNodes() where heading.isHeading {
            guard let last = heading.lastChild, last.type == CMARK_NODE_TEXT else { continue }
            let literal = last.literal
            guard literal.hasSuffix("}"), let open = literal.range(of: "{#", options: .backwards) else { continue }
            let id = literal[open.upperBound..<literal.index(before: literal.endIndex)]
            guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "}" || $0 == "{" }) else { continue }
            let before = String(literal[..<open.lowerBound]).trimmingTrailingSpaces()
            if before.isEmpty { last.delete() } else { last.setLiteral(before) }
            document.headingIDs[heading.pointer] = String(id)
        }
    }
}

extension String {
    package func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
}
