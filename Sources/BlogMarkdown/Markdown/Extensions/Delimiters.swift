import CCmark
import BlogCore

/// `~~strikethrough~~` (GFM), which cmark leaves as text. Runs are matched within each
/// block's inline nodes as CommonMark matches emphasis: a closing run with the nearest opening
/// run of its length.
package struct Delimiters {
    package let document: MarkdownDocument

    private struct Run {
        package var node: MarkdownNode
        /// Where the run lies in the node's text.
        package var range: Range<String.Index>
        package var length: Int
        package var canOpen: Bool
        package var canClose: Bool
    }

    package func apply() {
        // The blocks and spans whose own text holds a `~`, found in one pass over the text
        // nodes; innermost last found, so matched first.
        var containers: [MarkdownNode] = []
        var seen = Set<OpaquePointer>()
        for node in document.allNodes() where node.type == CMARK_NODE_TEXT {
            guard node.literalContains("~"), let parent = node.parent, seen.insert(parent.pointer).inserted
            else { continue }
            containers.append(parent)
        }
        for container in containers.reversed() { match(in: container) }
    }

    /// CommonMark's matching in one pass over the container's text: each closing run with the
    /// nearest opening run of its length before it; the openers between are dropped, and the
    /// pass goes on after the markup made (so a paragraph of many pairs is read once).
    private func match(in container: MarkdownNode) {
        var openers: [Run] = []
        var node = container.firstChild
        var from: String.Index?  // where to go on within `node` (nil: its start)
        nodes: while let current = node {
            node = current.next
            guard current.type == CMARK_NODE_TEXT else { continue }
            let text = current.literal
            var i = from ?? text.startIndex
            from = nil
            while i < text.endIndex {
                let c = text[i]
                guard c == "~" else {
                    i = text.index(after: i)
                    continue
                }
                var end = i
                var length = 0
                while end < text.endIndex, text[end] == c {
                    end = text.index(after: end)
                    length += 1
                }
                defer { i = end }
                guard let run = run(length: length, in: current, text: text, range: i..<end) else { continue }
                if run.canClose, let k = openers.lastIndex(where: { $0.length == length }) {
                    let opener = openers[k]
                    openers.removeSubrange(k...)
                    node = wrap(opener, run)
                    continue nodes
                }
                if run.canOpen { openers.append(run) }
            }
        }
    }

    private func run(length: Int, in node: MarkdownNode, text: String, range: Range<String.Index>) -> Run? {
        guard length <= 2 else { return nil }
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : character(before: node)
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : character(after: node)
        let (left, right) = flanking(before: before, after: after)
        return Run(node: node, range: range, length: length, canOpen: left, canClose: right)
    }

    /// CommonMark's left- and right-flanking: whether a run between these characters may
    /// open and close.
    private func flanking(before: Character, after: Character) -> (Bool, Bool) {
        let left = !after.isWhitespace && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
        let right = !before.isWhitespace && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
        return (left, right)
    }

    /// The character before a node's text: a space at a block's start, a letter-like stand-in
    /// for other inline nodes (`~~**x**~~`: the run then opens before the strong text).
    private func character(before node: MarkdownNode) -> Character {
        guard let previous = node.previous else { return " " }
        if previous.type == CMARK_NODE_TEXT, let last = previous.literal.last { return last }
        if previous.type == CMARK_NODE_SOFTBREAK || previous.type == CMARK_NODE_LINEBREAK { return " " }
        return "*"
    }

    private func character(after node: MarkdownNode) -> Character {
        guard let next = node.next else { return " " }
        if next.type == CMARK_NODE_TEXT, let first = next.literal.first { return first }
        if next.type == CMARK_NODE_SOFTBREAK || next.type == CMARK_NODE_LINEBREAK { return " " }
        return "*"
    }

    /// Cuts the runs out of their text nodes and puts what lies between them in the markup;
    /// returns the node after the markup. The opener's node keeps the text before it (and so
    /// any earlier opener in it stays valid).
    private func wrap(_ opener: Run, _ closer: Run) -> MarkdownNode? {
        let markup = MarkdownNode.custom(inline: true, enter: "<del>", exit: "</del>")
        let target = markup
        let openText = opener.node.literal
        let head = String(openText[..<opener.range.lowerBound])
        if opener.node.pointer == closer.node.pointer {
            target.append(.text(String(openText[opener.range.upperBound..<closer.range.lowerBound])))
            let after = String(openText[closer.range.upperBound...])
            opener.node.setLiteral(head)
            opener.node.insertAfter(markup)
            if !after.isEmpty { markup.insertAfter(.text(after)) }
        } else {
            // The opener's tail, the nodes between and the closer's head move into the markup.
            let tail = String(openText[opener.range.upperBound...])
            opener.node.setLiteral(head)
            if !tail.isEmpty { target.append(.text(tail)) }
            var node = opener.node.next
            while let current = node, current.pointer != closer.node.pointer {
                node = current.next
                current.unlink()
                target.append(current)
            }
            let closeText = closer.node.literal
            let closeHead = String(closeText[..<closer.range.lowerBound])
            if !closeHead.isEmpty { target.append(.text(closeHead)) }
            let closeTail = String(closeText[closer.range.upperBound...])
            opener.node.insertAfter(markup)
            if closeTail.isEmpty { closer.node.delete() } else { closer.node.setLiteral(closeTail) }
        }
        let next = markup.next
        if head.isEmpty { opener.node.delete() }
        return next
    }
}

/// Han, kana, hangul, and the punctuation and full-width forms of CJK text.
package func isCJK(_ c: Character) -> Bool {
    guard let scalar = c.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3000...0x30FF, 0x3100...0x31FF, 0x3200...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF,
        0x20000...0x3FFFF:
        return true
    default:
        return false
    }
}

/// CommonMark's punctuation: ASCII punctuation and Unicode's P and S categories.
package func isPunctuation(_ c: Character) -> Bool {
    guard let scalar = c.unicodeScalars.first else { return false }
    if scalar.isASCII { return c.isPunctuation || c.isSymbol }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        return true
    default:
        return false
    }
}
