import CCmark
import BlogCore

/// GFM pipe tables. cmark reads a table as a paragraph whose lines hold pipes; this pass
/// reads such a paragraph's lines from the source (container markers removed) as GFM says —
/// a header row, a delimiter row of `---` with `:` for alignment, then rows — and puts a
/// table in its place, each cell's text parsed as inline Markdown.
package struct Tables {
    package enum Alignment: String { case none = "", left, center, right }

    package let document: MarkdownDocument
    /// The Markdown as cmark read it, by line.
    package let lines: [Substring]
    /// The document's link reference definitions, for `[text][ref]` in cells (which are
    /// parsed on their own).
    private var references: String { MarkdownDocument.referenceDefinitions(lines) }

    package func apply() {
        // A table is a paragraph of two lines at least with a pipe in its text.
        let paragraphs = document.allNodes().filter { node in
            node.type == CMARK_NODE_PARAGRAPH && node.endLine > node.startLine
                && node.children.contains { $0.type == CMARK_NODE_TEXT && $0.literalContains("|") }
        }
        for paragraph in paragraphs { table(from: paragraph) }
    }

    /// The paragraph's lines as written, without the `>` of the block quotes it is in nor the
    /// indentation of its list items.
    private func rawLines(of paragraph: MarkdownNode) -> [String] {
        let quotes = paragraph.ancestors.count { $0.type == CMARK_NODE_BLOCK_QUOTE }
        return (paragraph.startLine...paragraph.endLine).map { number in
            guard number - 1 < lines.count else { return "" }
            var line = lines[number - 1]
            if number == paragraph.startLine {
                let utf8 = line.utf8
                let start = utf8.index(utf8.startIndex, offsetBy: max(paragraph.startColumn - 1, 0), limitedBy: utf8.endIndex)
                line = line[(start ?? utf8.endIndex)...]
            } else {
                for _ in 0..<quotes { line = dropQuoteMarker(line) }
            }
            return trimmed(String(line))
        }
    }

    private func dropQuoteMarker(_ line: Substring) -> Substring {
        let rest = line.drop { $0 == " " }
        guard line.count - rest.count <= 3, rest.first == ">" else { return line }
        let after = rest.dropFirst()
        return after.first == " " ? after.dropFirst() : after
    }

    private func table(from paragraph: MarkdownNode) {
        let rows = rawLines(of: paragraph)
        guard rows.count >= 2 else { return }
        for i in 0..<(rows.count - 1) {
            guard let alignments = Self.delimiterRow(rows[i + 1]) else { continue }
            let header = Self.cells(rows[i])
            guard rows[i].contains("|") || rows[i + 1].contains("|") else { continue }
            guard header.count == alignments.count else {
                // GFM makes no table of it, and the reader would see its pipes: say why.
                document.warn(paragraph.startLine + i + 1, "this table's delimiter row has \(alignments.count) cells but its header \(header.count): GFM shows it as text, pipes and all (give both rows the same number of cells)")
                continue
            }
            let table = MarkdownNode.custom(inline: false, enter: "<table>", exit: "</table>")
            let head = MarkdownNode.custom(inline: false, enter: "<thead>", exit: "</thead>")
            head.append(row(header, alignments, tag: "th", line: paragraph.startLine + i))
            table.append(head)
            if i + 2 < rows.count {
                let body = MarkdownNode.custom(inline: false, enter: "<tbody>", exit: "</tbody>")
                for (offset, text) in rows[(i + 2)...].enumerated() {
                    body.append(row(Self.cells(text), alignments, tag: "td", line: paragraph.startLine + i + 2 + offset))
                }
                table.append(body)
            }
            document.lineRanges[table.pointer] = (paragraph.startLine + i)...paragraph.endLine
            paragraph.insertAfter(table)
            if i == 0 || !keepLines(before: i, of: paragraph) { paragraph.delete() }
            return
        }
    }

    /// Keeps the paragraph's text before line `count` (a table may start in a paragraph's
    /// middle): false when its inline nodes cannot be cut there.
    private func keepLines(before count: Int, of paragraph: MarkdownNode) -> Bool {
        guard let rest = paragraph.splitLines(after: count) else { return false }
        cmark_node_free(rest.pointer)  // the table's own lines, read from the source
        return true
    }

    private func row(_ texts: [String], _ alignments: [Alignment], tag: String, line: Int) -> MarkdownNode {
        let row = MarkdownNode.custom(inline: false, enter: "<tr>", exit: "</tr>")
        for (column, alignment) in alignments.enumerated() {
            let align = alignment == .none ? "" : " align=\"\(alignment.rawValue)\""
            let cell = MarkdownNode.custom(inline: true, enter: "<\(tag)\(align)>", exit: "</\(tag)>\n")
            if column < texts.count { cell.adopt(inlines(of: texts[column])) }
            row.append(cell)
        }
        document.lineRanges[row.pointer] = line...line
        return row
    }

    /// The cell's text parsed as inline Markdown. A mark and a space go first, so that a cell
    /// starting like a block (`1.`, `#`, `>`) stays text, as GFM wants.
    private func inlines(of text: String) -> [MarkdownNode] {
        guard !text.isEmpty else { return [] }
        let references = text.contains("]") ? self.references : ""
        let cell = MarkdownDocument.parse("\u{E003} " + text + (references.isEmpty ? "" : "\n\n" + references))
        defer { cmark_node_free(cell) }
        guard let paragraph = MarkdownNode(cell).firstChild, paragraph.type == CMARK_NODE_PARAGRAPH else { return [] }
        cmark_consolidate_text_nodes(paragraph.pointer)
        if let first = paragraph.firstChild, first.type == CMARK_NODE_TEXT {
            let rest = String(first.literal.dropFirst(2))
            if rest.isEmpty { first.delete() } else { first.setLiteral(rest) }
        }
        let nodes = paragraph.children
        for node in nodes { node.unlink() }
        return nodes
    }

    /// The alignments of a delimiter row (`| :--- | :---: | ---: |`), or nil when it is none.
    package static func delimiterRow(_ line: String) -> [Alignment]? {
        guard line.contains("-"), line.allSatisfy({ "|:- \t".contains($0) }) else { return nil }
        var alignments: [Alignment] = []
        for cell in cells(line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// A row's cells: split at each pipe not escaped (code spans too, as GFM says), the outer
    /// pipes dropped, each cell trimmed, `\|` made a pipe.
    package static func cells(_ line: String) -> [String] {
        if line == "|" { return [] }  // one pipe: both the leading and the trailing one
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped {
                current += c == "|" ? "|" : "\\" + String(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current += "\\" }
        cells.append(current)
        if line.hasPrefix("|") { cells.removeFirst() }
        if cells.count > 1, cells.last?.allSatisfy(\.isWhitespace) == true, line.hasSuffix("|") { cells.removeLast() }
        return cells.map(trimmed)
    }
}
