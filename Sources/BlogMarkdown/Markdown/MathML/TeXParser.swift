/// Reads TeX math into MathML elements (`MathElement`), by recursive descent whose depth is
/// capped: every level of nesting (a group, an argument, `\left…\right`, an environment)
/// passes through `parseAtom`, which counts it, so 10,000 nested `{` end in one
/// `TeXError.tooDeep` instead of a stack overflow. Each token is read once: linear time.
struct TeXParser {
    /// Deeper than any real formula (they nest a dozen levels), shallow enough for a thread's stack.
    static let maxDepth = 60

    var scanner: TeXScanner
    /// Commands and environments not known, in order of first use, each once.
    private(set) var unknown: [String] = []
    /// Whether limits go above and below (display style): on at the top of display math,
    /// off in fractions, scripts and matrices.
    var displayStyle: Bool
    /// A `\tag{…}` waiting to be put at the end of its row or formula.
    var pendingTag: String?
    var depth = 0

    init(_ tex: String, display: Bool) {
        scanner = TeXScanner(tex)
        displayStyle = display
    }

    /// Why a formula cannot be read: it is then shown as written, with a warning saying why.
    enum TeXError: Error {
        case tooDeep
        case unbalanced(String)
        case missingArgument(String)

        var message: String {
            switch self {
            case .tooDeep: "nests deeper than \(TeXParser.maxDepth) groups"
            case .unbalanced(let what), .missingArgument(let what): what
            }
        }
    }

    /// Tokens that end a row: they belong to whatever opened it.
    static func endsRow(_ token: TeXScanner.Token) -> Bool {
        switch token {
        case .end, .close, .alignment: true
        case .command(let name): name == "\\" || name == "end" || name == "right" || name == "middle" || name == "cr"
        default: false
        }
    }

    mutating func noteUnknown(_ name: String) {
        if !unknown.contains(name) { unknown.append(name) }
    }

    /// One level deeper, counted by `weight`: constructs whose recursion passes through more
    /// or larger frames (environments, `\left`) count more. Undone by `depth -= weight`.
    mutating func descend(_ weight: Int) throws {
        depth += weight
        if depth > Self.maxDepth {
            depth -= weight
            throw TeXError.tooDeep
        }
    }

    /// Elements up to the token that ends the row (not read), or up to `]` when `bracket`.
    mutating func parseRow(bracket: Bool = false) throws -> [MathElement] {
        var items: [MathElement] = []
        while true {
            let token = scanner.peek()
            if Self.endsRow(token) || (bracket && token == .character("]")) { return items }
            switch token {
            case .raised, .lowered, .prime:
                items.append(try parseScripts(on: MathElement("mrow")))
            case .character(let c) where TeXScanner.isDigit(c):
                items.append(try parseScripts(on: number()))
            case .command(let name) where name == "over" || name == "choose" || name == "atop" || name == "above":
                return [try infixFraction(name, numerator: items, bracket: bracket)]
            case .command(let name) where Self.styleSwitches.contains(name):
                scanner.next()
                return items + [try styled(name, bracket: bracket)]
            case .command(let name) where name == "limits" || name == "nolimits" || name == "displaylimits":
                scanner.next()  // after a base that took no scripts: nothing to change
            default:
                guard let atom = try parseAtom() else { continue }
                items.append(try parseScripts(on: atom))
            }
        }
    }

    /// `a \over b`, `n \choose k`: what came before in the group over what comes after.
    private mutating func infixFraction(_ name: String, numerator items: [MathElement], bracket: Bool) throws -> MathElement {
        scanner.next()
        if name == "above" { _ = scanner.rawGroup() }
        let saved = displayStyle
        displayStyle = false
        defer { displayStyle = saved }
        let below = try parseRow(bracket: bracket)
        let fraction = MathElement("mfrac", name == "over" ? [] : [("linethickness", "0")], children: [.row(items), .row(below)])
        return name == "choose" ? Self.fenced(fraction, "(", ")") : fraction
    }

    /// Digits, with one decimal point between digits, as one `mn` (`12.5`).
    private mutating func number() -> MathElement {
        var text = ""
        let s = scanner.scalars
        // The peeked token is the first digit; read on from it in the scalars.
        var i = scanner.tokenStart
        while i < s.count, TeXScanner.isDigit(s[i]) || (s[i] == "." && i + 1 < s.count && TeXScanner.isDigit(s[i + 1]) && !text.contains(".")) {
            text.unicodeScalars.append(s[i])
            i += 1
        }
        for _ in text.unicodeScalars { scanner.next() }
        return .mn(text)
    }

    /// One symbol, group or command with its arguments (nil: a command that writes nothing).
    mutating func parseAtom() throws -> MathElement? {
        try descend(1)
        defer { depth -= 1 }
        let token = scanner.next()
        switch token {
        case .open:
            let items = try parseRow()
            guard scanner.next() == .close else { throw TeXError.unbalanced("a '{' is never closed") }
            return .row(items)
        case .character(let c):
            return Self.character(c)
        case .command(let name):
            return try parseCommand(name)
        case .close:
            throw TeXError.unbalanced("a '}' closes no '{'")
        case .end:
            return nil
        default:
            return nil  // scripts, primes and alignments are read by the callers
        }
    }

    /// A command's or a script's argument: a group or one token.
    mutating func parseArgument(_ what: String) throws -> MathElement {
        let token = scanner.peek()
        if Self.endsRow(token) || token == .raised || token == .lowered {
            throw TeXError.missingArgument("\(what) has no argument")
        }
        return try parseAtom() ?? MathElement("mrow")
    }

    /// An argument in a style other than the current one (`\frac`'s parts, scripts).
    mutating func parseArgument(_ what: String, display: Bool) throws -> MathElement {
        let saved = displayStyle
        displayStyle = display
        defer { displayStyle = saved }
        return try parseArgument(what)
    }

    static func character(_ c: Unicode.Scalar) -> MathElement {
        if TeXScanner.isDigit(c) { return .mn(String(c)) }
        if c == "~" { return .mtext("\u{A0}") }
        if let op = TeXSymbols.operatorCharacters[c] {
            return "()[]|".unicodeScalars.contains(c) ? .mo(op, [("stretchy", "false")]) : .mo(op)
        }
        return .mi(String(c))
    }

    /// Sub- and superscripts and primes after `base`, as `msub`/`msup`/`msubsup`, or as
    /// `munder`/`mover`/`munderover` for limits in display style (`\sum`, `\lim`).
    mutating func parseScripts(on base: MathElement) throws -> MathElement {
        var sub: MathElement?
        var sup: [MathElement] = []
        var limits = base.limits
        loop: while true {
            switch scanner.peek() {
            case .prime:
                scanner.next()
                sup.append(.mo("′"))
            case .lowered where sub == nil:
                scanner.next()
                sub = try parseArgument("'_'", display: false)
            case .raised where sup.isEmpty || sup.allSatisfy({ $0.text == "′" }):
                scanner.next()
                sup.append(try parseArgument("'^'", display: false))
            case .command("limits"):
                scanner.next()
                limits = .always
            case .command("nolimits"):
                scanner.next()
                limits = .beside
            default:
                break loop
            }
        }
        if sub == nil && sup.isEmpty { return base }
        var primes = sup
        if primes.count > 1, primes.allSatisfy({ $0.text == "′" }) {
            primes = [.mo(["′", "″", "‴", "⁗"][min(primes.count, 4) - 1])]
        }
        let above = primes.isEmpty ? nil : MathElement.row(primes)
        let stacked = limits == .always || (limits == .inDisplay && displayStyle)
        switch (sub, above) {
        case (let sub?, let above?): return MathElement(stacked ? "munderover" : "msubsup", children: [base, sub, above])
        case (let sub?, nil): return MathElement(stacked ? "munder" : "msub", children: [base, sub])
        case (nil, let above?): return MathElement(stacked ? "mover" : "msup", children: [base, above])
        default: return base
        }
    }

    static let styleSwitches: Set<String> = [
        "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle", "color",
        "rm", "bf", "it", "sf", "tt", "cal", "mit",
    ]

    /// The rest of the group in a style: `{\displaystyle …}`, `{\color{red} …}`, `{\bf …}`.
    private mutating func styled(_ name: String, bracket: Bool) throws -> MathElement {
        let saved = displayStyle
        defer { displayStyle = saved }
        var attributes: [(String, String)] = []
        switch name {
        case "displaystyle": displayStyle = true; attributes = [("displaystyle", "true")]
        case "textstyle": displayStyle = false; attributes = [("displaystyle", "false")]
        case "scriptstyle", "scriptscriptstyle": displayStyle = false; attributes = [("displaystyle", "false"), ("scriptlevel", name == "scriptstyle" ? "1" : "2")]
        case "color": attributes = [("mathcolor", scanner.rawGroup()?.text ?? "")]
        default: break
        }
        let rest = MathElement.row(try parseRow(bracket: bracket))
        if let alphabet = MathAlphabet.named(name) { return alphabet.apply(to: rest) }
        return MathElement("mstyle", attributes, children: [rest])
    }

    /// `open`, the element, `close`, as fences that do not stretch (`\binom`, `\choose`).
    static func fenced(_ element: MathElement, _ open: String, _ close: String, stretchy: Bool = false) -> MathElement {
        var children: [MathElement] = []
        if !open.isEmpty { children.append(.mo(open, [("fence", "true"), ("form", "prefix"), ("stretchy", String(stretchy))])) }
        children.append(element)
        if !close.isEmpty { children.append(.mo(close, [("fence", "true"), ("form", "postfix"), ("stretchy", String(stretchy))])) }
        return MathElement("mrow", children: children)
    }
}
