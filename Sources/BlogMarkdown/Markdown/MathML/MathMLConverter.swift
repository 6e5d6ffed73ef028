/// TeX math to MathML Core, at build time, so that pages show formulas with no script and
/// no font download. The TeX is kept in an `<annotation>` for copying and screen readers.
package enum MathMLConverter {
    package struct Result: Equatable {
        /// `<math>…</math>`, ready for HTML.
        package var html: String
        /// Commands and environments that are not known (`\foo`, `\begin{foo}`), each once,
        /// shown in `merror`'s style where they were.
        package var unknown: [String]
        /// Why the whole formula could not be read (unbalanced braces, nesting too deep);
        /// it is then shown as written, in `merror`'s style.
        package var failure: String?
    }

    package static func convert(_ tex: String, display: Bool) -> Result {
        var parser = TeXParser(tex, display: display)
        let open = display ? "<math display=\"block\">" : "<math>"
        do {
            let rows = try parser.parseTable(until: .formula)
            var body: MathElement
            if rows.count == 1, rows[0].cells.count == 1 {
                body = rows[0].cells[0]
                if let tag = rows[0].tag { body = .row([body, .space("2em"), .mtext(tag)]) }
            } else {
                // `\\` outside an environment: centred lines, as MathJax shows them; with `&`,
                // columns as `aligned` sets them.
                if rows.allSatisfy({ $0.cells.count == 1 }) {
                    body = parser.table(rows, aligns: ["center"], attributes: [("displaystyle", String(display))])
                } else {
                    body = parser.table(rows, aligns: ["right", "left"], attributes: [("displaystyle", String(display)), ("class", "math-aligned")], aligned: true)
                }
            }
            if body.name != "mrow" { body = MathElement("mrow", children: [body]) }
            let html = open + "<semantics>" + body.xml + "<annotation encoding=\"application/x-tex\">"
                + MathElement.escape(tex) + "</annotation></semantics></math>"
            return Result(html: html, unknown: parser.unknown)
        } catch let error as TeXParser.TeXError {
            return Result(html: open + MathElement.error(tex).xml + "</math>", unknown: [], failure: error.message)
        } catch {
            return Result(html: open + MathElement.error(tex).xml + "</math>", unknown: [], failure: "\(error)")
        }
    }
}
