/// `\begin{…}…\end{…}`: matrices, `cases`, `aligned` and its kin, `array`, as `mtable`.
/// MathML Core has no column alignment of its own: each cell carries `columnalign`
/// (Firefox and Safari read it; the theme's CSS makes Chromium follow it).
extension TeXParser {
    /// What ends a table: its `\end{name}`, the `}` of `\substack{…}`, or the formula's end.
    enum TableEnd: Equatable {
        case environment(String)
        case brace
        case formula
    }

    struct TableRow {
        var cells: [MathElement]
        var tag: String?
    }

    /// How an environment lays out its rows: found by name before its body is read, so the
    /// frames on the parser's recursion stay small.
    struct Layout {
        var aligns: [String]
        var display: Bool
        var fences: (open: String, close: String) = ("", "")
        var attributes: [(String, String)] = []
        var aligned = false
        var repeatAligns = true
        /// `alignat{2}`: an argument that changes nothing here.
        var skipsArgument = false
        /// `array{lcr}`: the columns' alignment is its argument.
        var columnSpec = false
        /// `equation`: one cell is just its content.
        var unwrapsSingleCell = false

        static func named(_ name: String) -> Layout? {
            let fences: [String: (String, String)] = [
                "pmatrix": ("(", ")"), "bmatrix": ("[", "]"), "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"),
                "Vmatrix": ("‖", "‖"), "matrix": ("", ""), "smallmatrix": ("", ""),
            ]
            if let (open, close) = fences[name] {
                let level: [(String, String)] = name == "smallmatrix" ? [("scriptlevel", "1")] : []
                return Layout(aligns: ["center"], display: false, fences: (open, close), attributes: [("displaystyle", "false")] + level)
            }
            switch name {
            case "cases", "dcases", "rcases", "drcases":
                let display = name.hasPrefix("d")
                return Layout(aligns: ["left"], display: display, fences: name.hasSuffix("rcases") ? ("", "}") : ("{", ""),
                              attributes: [("displaystyle", String(display))])
            case "aligned", "align", "align*", "alignat", "alignat*", "alignedat", "split", "eqnarray", "eqnarray*", "flalign", "flalign*":
                return Layout(aligns: ["right", "left"], display: true, attributes: [("displaystyle", "true"), ("class", "math-aligned")],
                              aligned: true, skipsArgument: name.hasPrefix("alignat") || name == "alignedat")
            case "gather", "gather*", "gathered", "equation", "equation*", "multline", "multline*", "center":
                return Layout(aligns: ["center"], display: true, attributes: [("displaystyle", "true")], unwrapsSingleCell: true)
            case "array", "subarray", "tabular":
                return Layout(aligns: ["center"], display: false, attributes: [("displaystyle", "false")], repeatAligns: false, columnSpec: true)
            default:
                return nil
            }
        }

        /// `l|cr`, `p{3cm}`, `@{}`: an alignment per column letter.
        static func columns(_ spec: String) -> [String] {
            var aligns: [String] = []
            var skip = 0
            for c in spec {
                if skip > 0 { if c == "}" { skip -= 1 }; continue }
                switch c {
                case "l": aligns.append("left")
                case "c": aligns.append("center")
                case "r": aligns.append("right")
                case "p", "m", "b": aligns.append("left"); skip = 1
                case "@", "!", ">", "<": skip = 1
                default: break
                }
            }
            return aligns.isEmpty ? ["center"] : aligns
        }
    }

    mutating func parseEnvironment() throws -> MathElement {
        let start = scanner.tokenStart
        guard let (name, closed) = scanner.rawGroup(), closed else { throw TeXError.missingArgument("\\begin has no environment name") }
        guard var layout = Layout.named(name) else {
            // Read to its end, so that what follows is still math, and shown as written.
            try descend(3)
            defer { depth -= 3 }
            _ = try parseTable(until: .environment(name))
            noteUnknown("\\begin{" + name + "}")
            return .error(scanner.source(from: start))
        }
        if layout.skipsArgument { _ = scanner.rawGroup() }
        if layout.columnSpec { layout.aligns = Layout.columns(scanner.rawGroup()?.text ?? "") }
        try descend(3)
        let saved = displayStyle
        defer { displayStyle = saved; depth -= 3 }
        displayStyle = layout.display
        let rows = try parseTable(until: .environment(name))
        return layOut(rows, layout)
    }

    private func layOut(_ rows: [TableRow], _ layout: Layout) -> MathElement {
        if layout.unwrapsSingleCell, rows.count == 1, rows[0].cells.count == 1, rows[0].tag == nil { return rows[0].cells[0] }
        let grid = table(rows, aligns: layout.aligns, attributes: layout.attributes, aligned: layout.aligned, repeatAligns: layout.repeatAligns)
        if layout.fences.open.isEmpty && layout.fences.close.isEmpty { return grid }
        return Self.fenced(grid, layout.fences.open, layout.fences.close, stretchy: true)
    }

    /// Rows of cells up to `end`, which is read. A `\tag` in a row is kept with it.
    mutating func parseTable(until end: TableEnd) throws -> [TableRow] {
        var rows: [TableRow] = []
        var cells: [MathElement] = []
        func finishRow(_ parser: inout TeXParser) {
            rows.append(TableRow(cells: cells, tag: parser.pendingTag))
            parser.pendingTag = nil
            cells = []
        }
        while true {
            cells.append(.row(try parseRow()))
            switch scanner.next() {
            case .alignment:
                continue
            case .command("\\"), .command("cr"):
                if scanner.peek() == .character("[") { _ = scanner.rawOptional() }
                finishRow(&self)
            case .command("end"):
                let name = scanner.rawGroup()?.text ?? ""
                guard end == .environment(name) else {
                    if case .environment(let open) = end { throw TeXError.unbalanced("\\begin{\(open)} is closed by \\end{\(name)}") }
                    throw TeXError.unbalanced("\\end{\(name)} closes no \\begin{\(name)}")
                }
                finishRow(&self)
                return Self.trimmed(rows)
            case .close where end == .brace:
                finishRow(&self)
                return Self.trimmed(rows)
            case .end where end == .formula:
                finishRow(&self)
                return Self.trimmed(rows)
            case .close:
                throw TeXError.unbalanced("a '}' closes no '{'")
            case .command("right"), .command("middle"):
                throw TeXError.unbalanced("a \\right has no \\left")
            default:
                if case .environment(let open) = end { throw TeXError.unbalanced("\\begin{\(open)} is never closed by \\end{\(open)}") }
                throw TeXError.unbalanced("a '{' is never closed")
            }
        }
    }

    /// Without the empty row a final `\\` leaves.
    private static func trimmed(_ rows: [TableRow]) -> [TableRow] {
        guard rows.count > 1, let last = rows.last, last.tag == nil,
            last.cells.allSatisfy({ $0.name == "mrow" && $0.children.isEmpty })
        else { return rows }
        return Array(rows.dropLast())
    }

    /// An `mtable` of the rows, each cell aligned by `aligns` (repeated across the columns,
    /// or the last kept when not `repeatAligns`); a column of tags after them if any row has one.
    func table(_ rows: [TableRow], aligns: [String], attributes: [(String, String)], aligned: Bool = false, repeatAligns: Bool = true) -> MathElement {
        let tagged = rows.contains { $0.tag != nil }
        let width = rows.map(\.cells.count).max() ?? 0
        let trs = rows.map { row -> MathElement in
            var tds = row.cells.enumerated().map { i, cell -> MathElement in
                var content = cell
                // `&= b`: the relation keeps its space on the left, as after a term.
                if aligned, i % 2 == 1, (cell.name == "mo" || cell.children.first?.name == "mo") {
                    content = MathElement("mrow", children: [.mi("")] + (cell.name == "mrow" ? cell.children : [cell]))
                }
                let align = repeatAligns ? aligns[i % aligns.count] : aligns[min(i, aligns.count - 1)]
                return MathElement("mtd", [("columnalign", align)], children: [content])
            }
            if tagged {
                for _ in row.cells.count..<width { tds.append(MathElement("mtd")) }
                tds.append(MathElement("mtd", [("class", "math-tag")], children: row.tag.map { [.mtext($0)] } ?? []))
            }
            return MathElement("mtr", children: tds)
        }
        return MathElement("mtable", attributes, children: trs)
    }
}
