/// The font commands (`\mathbf`, `\mathbb`, `\mathcal`…) as Unicode's mathematical
/// alphanumeric characters: MathML Core draws `mi` only in italic or upright, so a bold or
/// double-struck letter must be a different character (𝐱, ℝ), as `latex2mathml` and Temml
/// write them too.
enum MathAlphabet {
    case upright, bold, italic, boldItalic, script, fraktur, doubleStruck, sansSerif, sansSerifBold, monospace

    static func named(_ command: String) -> MathAlphabet? {
        switch command {
        case "mathrm", "textrm", "rm", "mathup", "textup": .upright
        case "mathbf", "textbf", "bf", "bm", "mathbfup": .bold
        case "mathit", "textit", "it": .italic
        case "boldsymbol", "mathbfit": .boldItalic
        case "mathcal", "mathscr", "cal", "scr": .script
        case "mathfrak", "frak": .fraktur
        case "mathbb", "Bbb", "mathds": .doubleStruck
        case "mathsf", "textsf", "sf": .sansSerif
        case "mathbfsf": .sansSerifBold
        case "mathtt", "texttt", "tt": .monospace
        default: nil
        }
    }

    /// Where capital A, small a and digit 0 are in this alphabet (nil: no such characters).
    private var starts: (upper: UInt32, lower: UInt32, digit: UInt32?) {
        switch self {
        case .upright: (0x41, 0x61, 0x30)
        case .bold: (0x1D400, 0x1D41A, 0x1D7CE)
        case .italic: (0x1D434, 0x1D44E, nil)
        case .boldItalic: (0x1D468, 0x1D482, 0x1D7CE)
        case .script: (0x1D49C, 0x1D4B6, nil)
        case .fraktur: (0x1D504, 0x1D51E, nil)
        case .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8)
        case .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .sansSerifBold: (0x1D5D4, 0x1D5EE, 0x1D7EC)
        case .monospace: (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// Letters that were in Unicode before the alphanumeric block, which leaves holes for them.
    private var holes: [Unicode.Scalar: UInt32] {
        switch self {
        case .italic: ["h": 0x210E]
        case .script:
            ["B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112, "M": 0x2133,
             "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134]
        case .fraktur: ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128]
        case .doubleStruck: ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124]
        default: [:]
        }
    }

    /// The text with its ASCII letters and digits in this alphabet; other characters as they are.
    func map(_ text: String) -> String {
        let (upper, lower, digit) = starts
        let holes = self.holes
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            let value: UInt32?
            if let hole = holes[c] {
                value = hole
            } else if ("A"..."Z").contains(c) {
                value = upper + c.value - 0x41
            } else if ("a"..."z").contains(c) {
                value = lower + c.value - 0x61
            } else if ("0"..."9").contains(c), let digit {
                value = digit + c.value - 0x30
            } else {
                value = nil
            }
            out.append(value.flatMap(Unicode.Scalar.init) ?? c)
        }
        return String(out)
    }

    /// The formula's letters and digits in this alphabet; an upright one only marks single
    /// letters `mathvariant="normal"` (`\mathrm{d}x`), which every browser draws.
    func apply(to element: MathElement) -> MathElement {
        var root = element
        // Walks with an explicit path: elements are values, changed in place through it.
        func transform(_ e: inout MathElement) {
            guard e.name == "mi" || e.name == "mn", let text = e.text else { return }
            if self == .upright {
                if e.name == "mi", text.unicodeScalars.count == 1 { e.attributes = [("mathvariant", "normal")] }
            } else if self == .italic, e.name == "mi", text.unicodeScalars.count == 1 {
                return  // already italic
            } else {
                e.text = map(text)
                e.attributes.removeAll { $0.0 == "mathvariant" }
                if e.name == "mi", text.unicodeScalars.count > 1 { e.attributes.append(("mathvariant", "normal")) }
            }
        }
        var stack: [[Int]] = [[]]
        while let path = stack.popLast() {
            let count = Self.withElement(&root, at: path[...]) { e -> Int in
                transform(&e)
                return e.children.count
            }
            for i in 0..<count { stack.append(path + [i]) }
        }
        return root
    }

    private static func withElement<T>(_ e: inout MathElement, at path: ArraySlice<Int>, _ body: (inout MathElement) -> T) -> T {
        guard let first = path.first else { return body(&e) }
        return withElement(&e.children[first], at: path.dropFirst(), body)
    }
}
