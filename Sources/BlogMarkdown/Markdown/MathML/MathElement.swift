import BlogCore

/// One element of the MathML a formula becomes: a token (`mi`, `mn`, `mo`, `mtext`) with its
/// text, or a layout element (`mrow`, `mfrac`, `msubsup`, `mtable`…) with its children.
/// Plain values, written out by `xml`, which walks the tree with its own stack: a tree is
/// as deep as the formula's nesting, which the parser caps (`TeXParser.maxDepth`).
struct MathElement {
    /// How a large operator or a function name takes its scripts: beside it (`msubsup`),
    /// above and below in display style only (`\sum`, `\lim`), or always (`\limits`).
    enum Limits { case beside, inDisplay, always }

    var name: String
    var attributes: [(String, String)] = []
    var text: String? = nil
    var children: [MathElement] = []
    var limits: Limits = .beside

    init(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, children: [MathElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    static func mi(_ text: String, _ attributes: [(String, String)] = []) -> MathElement { MathElement("mi", attributes, text: text) }
    static func mn(_ text: String) -> MathElement { MathElement("mn", text: text) }
    static func mo(_ text: String, _ attributes: [(String, String)] = []) -> MathElement { MathElement("mo", attributes, text: text) }
    static func mtext(_ text: String) -> MathElement { MathElement("mtext", text: text) }
    static func space(_ width: String) -> MathElement { MathElement("mspace", [("width", width)]) }

    /// The elements as one: itself when there is one, else an `mrow` around them.
    static func row(_ items: [MathElement]) -> MathElement {
        items.count == 1 ? items[0] : MathElement("mrow", children: items)
    }

    /// What an unknown command or environment is shown as: its TeX, in `merror`'s style.
    static func error(_ source: String) -> MathElement {
        MathElement("merror", [("class", "math-error")], children: [.mtext(source)])
    }

    /// The element as MathML text, escaped for HTML.
    var xml: String {
        enum Step { case open(MathElement), close(String) }
        var out = ""
        var steps: [Step] = [.open(self)]
        while let step = steps.popLast() {
            switch step {
            case .close(let name):
                out += "</" + name + ">"
            case .open(let element):
                out += "<" + element.name
                for (key, value) in element.attributes { out += " " + key + "=\"" + Self.escape(value) + "\"" }
                out += ">"
                if let text = element.text { out += Self.escape(text) }
                steps.append(.close(element.name))
                for child in element.children.reversed() { steps.append(.open(child)) }
            }
        }
        return out
    }

    /// Text and attribute values as HTML escapes them (`escapeHTML`, the one escaping of the
    /// project): the MathML stands in an HTML page.
    static func escape(_ text: String) -> String { escapeHTML(text) }
}
