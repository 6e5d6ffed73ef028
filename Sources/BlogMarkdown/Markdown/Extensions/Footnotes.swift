import CCmark
import BlogCore

/// GFM footnotes: `[^label]` refers to a definition `[^label]: text` (further paragraphs
/// indented). Notes are numbered by first reference and listed at the end of the post with
/// links back; a definition's text was already read as blocks (`SourceRewrite`) at its own
/// lines, and is moved into the list. Ids carry the post's own prefix, so that a page that
/// shows several posts (home, a tag, the feed) never has one id twice.
package struct Footnotes {
    package let document: MarkdownDocument
    package let definitions: [SourceRewrite.Definition]
    /// Put before every id: `fn-<prefix>1`.
    package let prefix: String

    private struct Note {
        package var label: String
        package var line: Int
        package var blocks: [MarkdownNode]
        package var number = 0
        /// References made so far (each gets a back link).
        package var references = 0
    }

    package func apply() {
        var notes = collectDefinitions()
        guard !notes.isEmpty || containsBytes(document.source, "[^") else { return }
        var numbered: [String] = []
        func refer(in nodes: [MarkdownNode]) {
            for node in nodes {
                for text in node.descendants(including: true) where text.type == CMARK_NODE_TEXT && text.literalContains("[^") {
                    replaceReferences(in: text, notes: &notes, numbered: &numbered)
                }
            }
        }
        refer(in: document.blocks)
        // A note may refer to another: those are numbered after, in the order notes are read.
        var done = 0
        while done < numbered.count {
            refer(in: notes[numbered[done]]!.blocks)
            done += 1
        }
        for key in notes.keys.sorted() where notes[key]!.number == 0 {
            let note = notes[key]!
            document.warn(note.line, "footnote [^\(note.label)] is defined but never referred to; it is left out")
            note.blocks.forEach { cmark_node_free($0.pointer) }
        }
        guard !numbered.isEmpty else { return }
        let section = MarkdownNode.custom(
            inline: false, enter: "<section class=\"footnotes\" data-footnotes>\n<ol>", exit: "</ol>\n</section>")
        for key in numbered { section.append(item(notes[key]!)) }
        MarkdownNode(document.root).append(section)
    }

    /// Each definition's blocks, taken out of the document, by label (lowercased). Blocks are
    /// matched to definitions by line in one pass over both, both being in line order.
    private func collectDefinitions() -> [String: Note] {
        // Top-level blocks with their first lines (a table's is the extensions' own).
        let blocks = document.blocks.map { ($0, document.lineRanges[$0.pointer]?.lowerBound ?? $0.startLine) }
        // Definitions on consecutive lines were read as one paragraph: each gets its lines.
        var split: [Int: MarkdownNode] = [:]
        var b = 0
        for (i, definition) in definitions.enumerated() where !blocks.isEmpty {
            let start = definition.lines.lowerBound
            while b + 1 < blocks.count, blocks[b + 1].1 < start { b += 1 }
            let joined = blocks[b].0
            guard joined.type == CMARK_NODE_PARAGRAPH, joined.startLine < start, joined.endLine >= start,
                let own = joined.splitLines(after: start - joined.startLine)
            else { continue }
            joined.insertAfter(own)
            document.lineRanges[own.pointer] = start...joined.endLine
            split[i] = own
        }
        var notes: [String: Note] = [:]
        b = 0
        for (i, definition) in definitions.enumerated() {
            while b < blocks.count, blocks[b].1 < definition.lines.lowerBound { b += 1 }
            var own = split[i].map { [$0] } ?? []
            while b < blocks.count, definition.lines.contains(blocks[b].1) {
                own.append(blocks[b].0)
                b += 1
            }
            own.forEach { $0.unlink() }
            let key = definition.label.lowercased()
            if notes[key] != nil {
                document.warn(definition.lines.lowerBound, "footnote [^\(definition.label)] is defined twice; the first definition is used")
                own.forEach { cmark_node_free($0.pointer) }
                continue
            }
            notes[key] = Note(label: definition.label, line: definition.lines.lowerBound, blocks: own)
        }
        return notes
    }

    private func id(_ kind: String, _ label: String, _ count: Int = 1) -> String {
        "\(kind)-\(prefix)\(escapeHTML(label))" + (count > 1 ? "-\(count)" : "")
    }

    private func item(_ note: Note) -> MarkdownNode {
        let item = MarkdownNode.custom(inline: false, enter: "<li id=\"\(id("fn", note.label))\">", exit: "</li>")
        item.adopt(note.blocks)
        var backs = ""
        for k in 1...max(note.references, 1) {
            let mark = k == 1 ? "↩" : "↩<sup class=\"footnote-ref\">\(k)</sup>"
            backs += " <a href=\"#\(id("fnref", note.label, k))\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">\(mark)</a>"
        }
        if let last = item.lastChild, last.type == CMARK_NODE_PARAGRAPH {
            last.append(.custom(inline: true, enter: backs))
        } else {
            item.append(.custom(inline: false, enter: String(backs.dropFirst())))  // after a code block, say
        }
        return item
    }

    /// Where the next `[^` stands (found by byte: a text of many references is read once).
    private static func reference(in text: Substring) -> Range<String.Index>? {
        var i = text.utf8.startIndex
        while let open = text.utf8[i...].firstIndex(of: UInt8(ascii: "[")) {
            let next = text.utf8.index(after: open)
            if next < text.utf8.endIndex, text.utf8[next] == UInt8(ascii: "^") { return open..<text.utf8.index(after: next) }
            i = next
        }
        return nil
    }

    /// Whether an undefined `[^label]` is a note the writer forgot, worth a warning: a number,
    /// or a word in a post that has notes. `[^\n]` and `[^a-z]` in prose about regular
    /// expressions are not.
    private static func looksLikeANote(_ label: String, definitions: Int) -> Bool {
        guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return false }
        let chars = Array(label)
        // `a-z`, `A-Za-z0-9`: ranges of a character class.
        let ranges = chars.count % 3 == 0 && stride(from: 1, to: chars.count, by: 3).allSatisfy { chars[$0] == "-" }
        return label.allSatisfy(\.isNumber) || (definitions > 0 && !ranges)
    }

    /// Each `[^label]` of a text node that names a note becomes a numbered link.
    private func replaceReferences(in text: MarkdownNode, notes: inout [String: Note], numbered: inout [String]) {
        let literal = text.literal
        var pieces: [MarkdownNode.Piece] = []
        var rest = Substring(literal)
        while let open = Self.reference(in: rest) {
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { break }
            let label = String(rest[open.upperBound..<close])
            let key = label.lowercased()
            guard !label.isEmpty, !label.contains(where: \.isWhitespace), notes[key] != nil else {
                if Self.looksLikeANote(label, definitions: notes.count), !text.isInLinkOrImage {
                    document.warn(document.line(of: text), "footnote [^\(label)] has no definition; it is left as text")
                }
                pieces.append(.text(String(rest[..<close])))
                rest = rest[close...]
                continue
            }
            if text.isInLinkOrImage {
                document.warn(document.line(of: text), "footnote [^\(label)] inside a link or an image's text is left as text")
                break
            }
            pieces.append(.text(String(rest[..<open.lowerBound])))
            if notes[key]!.number == 0 {
                numbered.append(key)
                notes[key]!.number = numbered.count
            }
            notes[key]!.references += 1
            let note = notes[key]!
            pieces.append(.node(MarkdownNode.custom(inline: true, enter:
                "<sup class=\"footnote-ref\"><a href=\"#\(id("fn", note.label))\" id=\"\(id("fnref", note.label, note.references))\" data-footnote-ref>\(note.number)</a></sup>")))
            rest = rest[rest.index(after: close)...]
        }
        guard pieces.contains(where: \.isNode) else { return }
        pieces.append(.text(String(rest)))
        text.replace(with: pieces)
    }
}
