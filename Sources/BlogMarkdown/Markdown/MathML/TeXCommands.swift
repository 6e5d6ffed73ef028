/// What each command becomes: symbols from `TeXSymbols`, and the commands that take
/// arguments (fractions, roots, accents, fonts, text, fences, spaces, `\tag`).
extension TeXParser {
    mutating func parseCommand(_ name: String) throws -> MathElement? {
        if let (kind, text) = TeXSymbols.lookup(name) { return Self.symbol(kind, text) }
        if let width = TeXSymbols.spaces[name] { return .space(width) }
        if TeXSymbols.accents[name] != nil { return try accent(name) }
        if MathAlphabet.named(name) != nil, name.hasPrefix("math") || name == "boldsymbol" || name == "bm" || name == "Bbb" {
            return try font(name)
        }
        guard let command = Self.commands[name] else {
            noteUnknown("\\" + name)
            return .error("\\" + name)
        }
        switch command {
        case .commandFrac: return try commandFrac(name)
        case .commandSqrt: return try commandSqrt(name)
        case .commandText: return try commandText(name)
        case .commandOperatorname: return try commandOperatorname(name)
        case .commandMathrel: return try commandMathrel(name)
        case .commandLeft: return try commandLeft(name)
        case .commandBig: return try commandBig(name)
        case .commandBegin: return try commandBegin(name)
        case .commandTag: return try commandTag(name)
        case .commandLabel: return try commandLabel(name)
        case .commandNonumber: return try commandNonumber(name)
        case .commandSpace: return try commandSpace(name)
        case .commandHspace: return try commandHspace(name)
        case .commandNot: return try commandNot(name)
        case .commandOverset: return try commandOverset(name)
        case .commandXrightarrow: return try commandXrightarrow(name)
        case .commandBoxed: return try commandBoxed(name)
        case .commandPhantom: return try commandPhantom(name)
        case .commandTextcolor: return try commandTextcolor(name)
        case .commandPmod: return try commandPmod(name)
        case .commandBmod: return try commandBmod(name)
        case .commandSubstack: return try commandSubstack(name)
        case .commandLone: return try commandLone(name)
        }
    }

    /// The commands that take arguments or write something other than a symbol, by name: a
    /// table and one small function each, so that the frames on the parser's recursion stay small.
    enum Command {
        case commandFrac, commandSqrt, commandText, commandOperatorname, commandMathrel, commandLeft, commandBig, commandBegin, commandTag, commandLabel, commandNonumber, commandSpace, commandHspace, commandNot, commandOverset, commandXrightarrow, commandBoxed, commandPhantom, commandTextcolor, commandPmod, commandBmod, commandSubstack, commandLone
    }

    static let commands: [String: Command] = [
        "frac": .commandFrac, "dfrac": .commandFrac, "tfrac": .commandFrac, "cfrac": .commandFrac, "binom": .commandFrac,
        "dbinom": .commandFrac, "tbinom": .commandFrac, "sqrt": .commandSqrt, "text": .commandText, "textrm": .commandText,
        "textnormal": .commandText, "textup": .commandText, "mbox": .commandText, "hbox": .commandText, "textbf": .commandText,
        "textit": .commandText, "texttt": .commandText, "textsf": .commandText, "emph": .commandText, "textmd": .commandText,
        "operatorname": .commandOperatorname, "operatornamewithlimits": .commandOperatorname, "mathop": .commandOperatorname, "mathrel": .commandMathrel, "mathbin": .commandMathrel,
        "mathord": .commandMathrel, "mathpunct": .commandMathrel, "mathopen": .commandMathrel, "mathclose": .commandMathrel, "mathinner": .commandMathrel,
        "displaylines": .commandMathrel, "left": .commandLeft, "big": .commandBig, "Big": .commandBig, "bigg": .commandBig,
        "Bigg": .commandBig, "bigl": .commandBig, "Bigl": .commandBig, "biggl": .commandBig, "Biggl": .commandBig,
        "bigr": .commandBig, "Bigr": .commandBig, "biggr": .commandBig, "Biggr": .commandBig, "bigm": .commandBig,
        "Bigm": .commandBig, "biggm": .commandBig, "Biggm": .commandBig, "begin": .commandBegin, "tag": .commandTag,
        "label": .commandLabel, "nonumber": .commandNonumber, "notag": .commandNonumber, "hline": .commandNonumber, "hdashline": .commandNonumber,
        "strut": .commandNonumber, "mathstrut": .commandNonumber, "displaybreak": .commandNonumber, "allowbreak": .commandNonumber, "nobreak": .commandNonumber,
        "relax": .commandNonumber, " ": .commandSpace, "\n": .commandSpace, "\t": .commandSpace, "space": .commandSpace,
        "nobreakspace": .commandSpace, "hspace": .commandHspace, "hskip": .commandHspace, "mspace": .commandHspace, "kern": .commandHspace,
        "mkern": .commandHspace, "mskip": .commandHspace, "not": .commandNot, "overset": .commandOverset, "underset": .commandOverset,
        "stackrel": .commandOverset, "xrightarrow": .commandXrightarrow, "xleftarrow": .commandXrightarrow, "xRightarrow": .commandXrightarrow, "xLeftarrow": .commandXrightarrow,
        "xleftrightarrow": .commandXrightarrow, "xmapsto": .commandXrightarrow, "boxed": .commandBoxed, "fbox": .commandBoxed, "phantom": .commandPhantom,
        "hphantom": .commandPhantom, "vphantom": .commandPhantom, "textcolor": .commandTextcolor, "colorbox": .commandTextcolor, "pmod": .commandPmod,
        "pod": .commandPmod, "bmod": .commandBmod, "substack": .commandSubstack, "": .commandLone,
    ]

    private mutating func commandFrac(_ name: String) throws -> MathElement? {
        return try fraction(name)
    }

    private mutating func commandSqrt(_ name: String) throws -> MathElement? {
        var index: MathElement?
        if scanner.peek() == .character("[") {
            scanner.next()
            let items = try parseRow(bracket: true)
            guard scanner.next() == .character("]") else { throw TeXError.unbalanced("\\sqrt's '[' is never closed") }
            index = .row(items)
        }
        let radicand = try parseArgument("\\sqrt")
        if let index { return MathElement("mroot", children: [radicand, index]) }
        return MathElement("msqrt", children: [radicand])
    }

    private mutating func commandText(_ name: String) throws -> MathElement? {
        return text(name)
    }

    private mutating func commandOperatorname(_ name: String) throws -> MathElement? {
        let starred = scanner.peek() == .character("*")
        if starred { scanner.next() }
        var element = Self.upright(try parseArgument("\\" + name))
        element.limits = starred || name != "operatorname" ? .inDisplay : .beside
        return element
    }

    private mutating func commandMathrel(_ name: String) throws -> MathElement? {
        return try parseArgument("\\" + name)
    }

    private mutating func commandLeft(_ name: String) throws -> MathElement? {
        return try fences()
    }

    private mutating func commandBig(_ name: String) throws -> MathElement? {
        let base = name.hasSuffix("l") || name.hasSuffix("r") || name.hasSuffix("m") ? String(name.dropLast()) : name
        let size = ["big": "1.2em", "Big": "1.623em", "bigg": "2.047em", "Bigg": "2.470em"][base] ?? "1.2em"
        let delimiter = try delimiter(after: "\\" + name)
        return .mo(delimiter, [("minsize", size), ("maxsize", size), ("stretchy", "true")])
    }

    private mutating func commandBegin(_ name: String) throws -> MathElement? {
        return try parseEnvironment()
    }

    private mutating func commandTag(_ name: String) throws -> MathElement? {
        let starred = scanner.peek() == .character("*")
        if starred { scanner.next() }
        let label = scanner.rawGroup()?.text ?? ""
        pendingTag = starred ? label : "(" + label + ")"
        return nil
    }

    private mutating func commandLabel(_ name: String) throws -> MathElement? {
        _ = scanner.rawGroup()
        return nil
    }

    private mutating func commandNonumber(_ name: String) throws -> MathElement? {
        return nil
    }

    private mutating func commandSpace(_ name: String) throws -> MathElement? {
        return .mtext("\u{A0}")
    }

    private mutating func commandHspace(_ name: String) throws -> MathElement? {
        if scanner.peek() == .character("*") { scanner.next() }
        return .space(Self.width(scanner.rawGroup()?.text ?? ""))
    }

    private mutating func commandNot(_ name: String) throws -> MathElement? {
        guard let negated = try parseAtom(), let text = negated.text else { return .mo("\u{338}") }
        let known = ["=": "≠", "<": "≮", ">": "≯", "∈": "∉", "≤": "≰", "≥": "≱", "⊂": "⊄", "⊆": "⊈", "∼": "≁", "≡": "≢", "∣": "∤"]
        return .mo(known[text] ?? text + "\u{338}")
    }

    private mutating func commandOverset(_ name: String) throws -> MathElement? {
        let mark = try parseArgument("\\" + name, display: false)
        let base = try parseArgument("\\" + name)
        var element = MathElement(name == "underset" ? "munder" : "mover", children: [base, mark])
        element.limits = .always
        return element
    }

    private mutating func commandXrightarrow(_ name: String) throws -> MathElement? {
        let arrow = ["xrightarrow": "→", "xleftarrow": "←", "xRightarrow": "⇒", "xLeftarrow": "⇐", "xleftrightarrow": "↔", "xmapsto": "↦"][name] ?? "→"
        var below: MathElement?
        if scanner.peek() == .character("[") {
            scanner.next()
            below = .row(try parseRow(bracket: true))
            scanner.next()
        }
        let above = try parseArgument("\\" + name, display: false)
        let mo = MathElement.mo(arrow, [("stretchy", "true")])
        if let below { return MathElement("munderover", children: [mo, below, above]) }
        return MathElement("mover", children: [mo, above])
    }

    private mutating func commandBoxed(_ name: String) throws -> MathElement? {
        return MathElement("mrow", [("class", "math-boxed"), ("style", "border: 1px solid; padding: 0.2em")], children: [try parseArgument("\\" + name)])
    }

    private mutating func commandPhantom(_ name: String) throws -> MathElement? {
        return MathElement("mphantom", children: [try parseArgument("\\" + name)])
    }

    private mutating func commandTextcolor(_ name: String) throws -> MathElement? {
        let color = scanner.rawGroup()?.text ?? ""
        return MathElement("mstyle", [(name == "textcolor" ? "mathcolor" : "mathbackground", color)], children: [try parseArgument("\\" + name)])
    }

    private mutating func commandPmod(_ name: String) throws -> MathElement? {
        let argument = try parseArgument("\\" + name)
        var items: [MathElement] = [.space("1em"), .mo("(", [("stretchy", "false")])]
        if name == "pmod" { items += [.mi("mod"), .space("0.333em")] }
        return .row(items + [argument, .mo(")", [("stretchy", "false")])])
    }

    private mutating func commandBmod(_ name: String) throws -> MathElement? {
        return .mo("mod")
    }

    private mutating func commandSubstack(_ name: String) throws -> MathElement? {
        guard scanner.next() == .open else { throw TeXError.missingArgument("\\substack has no argument") }
        return table(try parseTable(until: .brace), aligns: ["center"], attributes: [])
    }

    private mutating func commandLone(_ name: String) throws -> MathElement? {
        return .mo("\\")
    }

    private mutating func accent(_ name: String) throws -> MathElement? {
        guard let accent = TeXSymbols.accents[name] else { return nil }
        let base = try parseArgument("\\" + name)
        let mark = MathElement.mo(accent.mark, [("stretchy", String(accent.stretchy))])
        var element = MathElement(accent.under ? "munder" : "mover", [(accent.under ? "accentunder" : "accent", "true")], children: [base, mark])
        if name == "overbrace" || name == "underbrace" { element.limits = .always }
        return element
    }

    private mutating func font(_ name: String) throws -> MathElement? {
        let argument = try parseArgument("\\" + name)
        return MathAlphabet.named(name)?.apply(to: argument) ?? argument
    }

    static func symbol(_ kind: TeXSymbols.Kind, _ text: String) -> MathElement {
        switch kind {
        case .identifier: return .mi(text)
        case .upright: return .mi(text, text.unicodeScalars.count == 1 ? [("mathvariant", "normal")] : [])
        case .operator: return .mo(text)
        case .delimiter: return .mo(text, [("stretchy", "false")])
        case .largeOperator, .integral:
            var element = MathElement.mo(text, [("largeop", "true"), ("movablelimits", "false")])
            element.limits = kind == .largeOperator ? .inDisplay : .beside
            return element
        case .function, .limitFunction:
            var element = MathElement.mi(text)
            element.limits = kind == .limitFunction ? .inDisplay : .beside
            return element
        }
    }

    /// `\frac`, `\dfrac` (display style parts), `\tfrac` (text style), `\binom` (no bar, in parentheses).
    private mutating func fraction(_ name: String) throws -> MathElement {
        let display = name == "dfrac" || name == "dbinom" || name == "cfrac"
        let text = name == "tfrac" || name == "tbinom"
        let outer = displayStyle
        let numerator = try parseArgument("\\" + name, display: display)
        let denominator = try parseArgument("\\" + name, display: display)
        let binomial = name.hasSuffix("binom")
        var fraction = MathElement("mfrac", binomial ? [("linethickness", "0")] : [], children: [numerator, denominator])
        if binomial { fraction = Self.fenced(fraction, "(", ")", stretchy: true) }
        if display && !outer { return MathElement("mstyle", [("displaystyle", "true")], children: [fraction]) }
        if text && outer { return MathElement("mstyle", [("displaystyle", "false")], children: [fraction]) }
        return fraction
    }

    /// `\text{…}` as written, TeX's escapes undone, spaces kept at its ends.
    private mutating func text(_ name: String) -> MathElement {
        guard let group = scanner.rawGroup() else {
            guard case .character(let c) = scanner.next() else { return .mtext("") }
            return .mtext(String(c))
        }
        var out = ""
        var escaped = false
        for c in group.text {
            if escaped {
                out.append(c == " " ? "\u{A0}" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "{" || c == "}" {
                continue
            } else {
                out.append(c.isWhitespace ? " " : c)
            }
        }
        if out.hasPrefix(" ") { out = "\u{A0}" + out.dropFirst() }
        if out.hasSuffix(" ") { out = out.dropLast() + "\u{A0}" }
        var element = MathElement.mtext(out)
        if let alphabet = MathAlphabet.named(name), alphabet != .upright { element.text = alphabet.map(out) }
        return element
    }

    /// The argument of `\operatorname` as one upright name (`\operatorname{Var}` → `mi` Var).
    private static func upright(_ element: MathElement) -> MathElement {
        let tokens = element.name == "mrow" ? element.children : [element]
        if tokens.allSatisfy({ $0.text != nil && $0.children.isEmpty && $0.name != "mtext" }) {
            return .mi(tokens.compactMap(\.text).joined())
        }
        return MathAlphabet.upright.apply(to: element)
    }

    /// `\left(` … `\middle|` … `\right)`: fences that stretch over what they hold.
    private mutating func fences() throws -> MathElement {
        try descend(1)
        defer { depth -= 1 }
        var children: [MathElement] = []
        let open = try delimiter(after: "\\left")
        if !open.isEmpty { children.append(.mo(open, [("fence", "true"), ("form", "prefix"), ("stretchy", "true")])) }
        while true {
            children += try parseRow()
            switch scanner.next() {
            case .command("middle"):
                let middle = try delimiter(after: "\\middle")
                children.append(.mo(middle, [("fence", "true"), ("stretchy", "true")]))
            case .command("right"):
                let close = try delimiter(after: "\\right")
                if !close.isEmpty { children.append(.mo(close, [("fence", "true"), ("form", "postfix"), ("stretchy", "true")])) }
                return MathElement("mrow", children: children)
            default:
                throw TeXError.unbalanced("a \\left is never closed by a \\right")
            }
        }
    }

    /// The delimiter after `\left`, `\right`, `\big`…: "" for `.`.
    private mutating func delimiter(after command: String) throws -> String {
        switch scanner.next() {
        case .character("."): return ""
        case .character("<"): return "⟨"
        case .character(">"): return "⟩"
        case .character(let c) where "()[]|/".unicodeScalars.contains(c): return String(c)
        case .command(let name):
            if let text = TeXSymbols.delimiters[name] { return text }
            let others = ["|": "‖", "vert": "|", "Vert": "‖", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
                          "Uparrow": "⇑", "Downarrow": "⇓", "backslash": "\\", "lt": "⟨", "gt": "⟩"]
            if let text = others[name] { return text }
            fallthrough
        default:
            throw TeXError.missingArgument("\(command) is not followed by a delimiter such as ( [ | or .")
        }
    }

    /// A TeX length as CSS: `mu` (eighteenths of an em) in em, others as written.
    private static func width(_ text: String) -> String {
        let trimmed = text.filter { !$0.isWhitespace }
        if trimmed.hasSuffix("mu"), let value = Double(trimmed.dropLast(2)) { return "\(value / 18)em" }
        return trimmed.isEmpty ? "0em" : trimmed
    }
}
