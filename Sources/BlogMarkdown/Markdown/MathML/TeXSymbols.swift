/// The commands that stand for one symbol, by name, and what each becomes: an identifier
/// (`\alpha` → `mi` α), an operator (`\leq` → `mo` ≤), a large operator with limits (`\sum`),
/// or a function name (`\sin`, `\lim`).
enum TeXSymbols {
    enum Kind {
        /// `mi`, italic when one letter (as TeX sets lowercase Greek).
        case identifier
        /// `mi mathvariant="normal"`: upright (uppercase Greek, `\infty`).
        case upright
        case `operator`
        /// `mo` that is also a fence (`\langle`): not stretched unless `\left`/`\right`.
        case delimiter
        /// `\sum`, `\prod`: limits above and below in display style.
        case largeOperator
        /// `\int`: limits beside it, as TeX sets them.
        case integral
        /// `\sin`: an upright name.
        case function
        /// `\lim`, `\max`: an upright name with limits below in display style.
        case limitFunction
    }

    static func lookup(_ name: String) -> (kind: Kind, text: String)? {
        if let text = lowerGreek[name] { return (.identifier, text) }
        if let text = upperGreek[name] { return (.upright, text) }
        if let text = ordinary[name] { return (.upright, text) }
        if let text = operators[name] { return (.operator, text) }
        if let text = delimiters[name] { return (.delimiter, text) }
        if let text = largeOperators[name] { return (.largeOperator, text) }
        if let text = integrals[name] { return (.integral, text) }
        if functions.contains(name) { return (.function, name) }
        if limitFunctions.contains(name) { return (.limitFunction, name == "liminf" ? "lim inf" : name == "limsup" ? "lim sup" : name) }
        return nil
    }

    static let lowerGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "varkappa": "ϰ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π", "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ",
        "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω", "digamma": "ϝ",
        "ell": "ℓ", "imath": "ı", "jmath": "ȷ", "hbar": "ℏ", "hslash": "ℏ", "wp": "℘",
    ]

    static let upperGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "varGamma": "Γ", "varDelta": "Δ", "varTheta": "Θ", "varLambda": "Λ", "varXi": "Ξ", "varPi": "Π",
        "varSigma": "Σ", "varUpsilon": "Υ", "varPhi": "Φ", "varPsi": "Ψ", "varOmega": "Ω",
    ]

    static let ordinary: [String: String] = [
        "infty": "∞", "partial": "∂", "nabla": "∇", "emptyset": "∅", "varnothing": "∅", "aleph": "ℵ",
        "beth": "ℶ", "Re": "ℜ", "Im": "ℑ", "top": "⊤", "bot": "⊥", "angle": "∠", "measuredangle": "∡",
        "triangle": "△", "square": "□", "Box": "□", "blacksquare": "■", "diamond": "⋄", "Diamond": "◊",
        "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠", "flat": "♭",
        "natural": "♮", "sharp": "♯", "prime": "′", "backslash": "\\", "degree": "°", "checkmark": "✓",
        "dagger": "†", "ddagger": "‡", "S": "§", "P": "¶", "%": "%", "$": "$", "#": "#", "_": "_",
        "&": "&", "complement": "∁", "mho": "℧", "Finv": "Ⅎ", "eth": "ð", "surd": "√",
    ]

    static let operators: [String: String] = [
        // Binary operators.
        "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "ast": "∗", "star": "⋆", "circ": "∘",
        "bullet": "∙", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "oslash": "⊘", "odot": "⊙",
        "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "uplus": "⊎", "wedge": "∧", "land": "∧",
        "vee": "∨", "lor": "∨", "setminus": "∖", "smallsetminus": "∖", "wr": "≀", "amalg": "⨿",
        "dotplus": "∔", "ltimes": "⋉", "rtimes": "⋊", "bigtriangleup": "△", "bigtriangledown": "▽",
        "triangleleft": "◃", "triangleright": "▹", "cdotp": "⋅", "centerdot": "⋅", "boxplus": "⊞",
        "boxtimes": "⊠", "divideontimes": "⋇",
        // Relations.
        "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "leqslant": "⩽",
        "geqslant": "⩾", "equiv": "≡", "approx": "≈", "approxeq": "≊", "sim": "∼", "simeq": "≃",
        "cong": "≅", "propto": "∝", "in": "∈", "notin": "∉", "ni": "∋", "owns": "∋", "subset": "⊂",
        "subseteq": "⊆", "subsetneq": "⊊", "supset": "⊃", "supseteq": "⊇", "supsetneq": "⊋",
        "sqsubseteq": "⊑", "sqsupseteq": "⊒", "ll": "≪", "gg": "≫", "lll": "⋘", "ggg": "⋙",
        "perp": "⊥", "parallel": "∥", "nparallel": "∦", "mid": "∣", "nmid": "∤", "prec": "≺",
        "succ": "≻", "preceq": "⪯", "succeq": "⪰", "asymp": "≍", "doteq": "≐", "models": "⊨",
        "vdash": "⊢", "dashv": "⊣", "vDash": "⊨", "lesssim": "≲", "gtrsim": "≳", "lessgtr": "≶",
        "triangleq": "≜", "coloneqq": "≔", "eqqcolon": "≕", "bowtie": "⋈", "smile": "⌣", "frown": "⌢",
        "nleq": "≰", "ngeq": "≱", "nless": "≮", "ngtr": "≯", "nsim": "≁", "ncong": "≇",
        "nsubseteq": "⊈", "nsupseteq": "⊉", "lneq": "⪇", "gneq": "⪈", "leqq": "≦", "geqq": "≧",
        // Arrows.
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
        "leftrightarrow": "↔", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸", "iff": "⟺",
        "mapsto": "↦", "longmapsto": "⟼", "longrightarrow": "⟶", "longleftarrow": "⟵",
        "Longrightarrow": "⟹", "Longleftarrow": "⟸", "longleftrightarrow": "⟷",
        "Longleftrightarrow": "⟺", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕",
        "Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕", "nearrow": "↗", "searrow": "↘",
        "swarrow": "↙", "nwarrow": "↖", "hookrightarrow": "↪", "hookleftarrow": "↩",
        "rightharpoonup": "⇀", "rightharpoondown": "⇁", "leftharpoonup": "↼", "leftharpoondown": "↽",
        "rightleftharpoons": "⇌", "leftrightarrows": "⇆", "rightleftarrows": "⇄", "leadsto": "⇝",
        "rightsquigarrow": "⇝", "nrightarrow": "↛", "nleftarrow": "↚", "nRightarrow": "⇏",
        "twoheadrightarrow": "↠", "circlearrowleft": "↺", "circlearrowright": "↻",
        // Punctuation, dots and logic.
        "colon": ":", "ldots": "…", "dots": "…", "dotsc": "…", "dotso": "…", "cdots": "⋯", "dotsb": "⋯",
        "dotsm": "⋯", "dotsi": "⋯", "vdots": "⋮", "ddots": "⋱", "therefore": "∴", "because": "∵",
        "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬", "vert": "|", "Vert": "‖",
        "|": "‖", "And": "&", "circledast": "⊛",
    ]

    static let delimiters: [String: String] = [
        "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩", "lceil": "⌈",
        "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖",
        "lbrack": "[", "rbrack": "]", "lgroup": "⟮", "rgroup": "⟯", "ulcorner": "⌜", "urcorner": "⌝",
        "llcorner": "⌞", "lrcorner": "⌟",
    ]

    static let largeOperators: [String: String] = [
        "sum": "∑", "prod": "∏", "coprod": "∐", "bigcup": "⋃", "bigcap": "⋂", "bigvee": "⋁",
        "bigwedge": "⋀", "bigoplus": "⨁", "bigotimes": "⨂", "bigodot": "⨀", "biguplus": "⨄",
        "bigsqcup": "⨆",
    ]

    static let integrals: [String: String] = [
        "int": "∫", "iint": "∬", "iiint": "∭", "iiiint": "⨌", "oint": "∮", "oiint": "∯", "oiiint": "∰",
        "intop": "∫", "smallint": "∫",
    ]

    static let functions: Set<String> = [
        "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "arccot", "sinh", "cosh",
        "tanh", "coth", "sech", "csch", "log", "ln", "lg", "exp", "dim", "ker", "deg", "arg", "hom", "mod",
        "sgn", "tr", "rank", "span", "erf",
    ]

    static let limitFunctions: Set<String> = [
        "lim", "liminf", "limsup", "max", "min", "sup", "inf", "det", "gcd", "Pr", "argmax", "argmin",
        "injlim", "projlim",
    ]

    /// Characters that are operators when typed as they are (`+`, `=`, `(`); `-` is a minus.
    static let operatorCharacters: [Unicode.Scalar: String] = [
        "+": "+", "-": "−", "=": "=", "<": "<", ">": ">", "(": "(", ")": ")", "[": "[", "]": "]",
        "|": "|", "/": "/", "*": "∗", ",": ",", ";": ";", ":": ":", "!": "!", "?": "?", ".": ".",
        "@": "@", "\"": "\"",
    ]

    /// Accents over (or under) their argument: the mark, and whether it stretches over it.
    static let accents: [String: (mark: String, stretchy: Bool, under: Bool)] = [
        "hat": ("^", false, false), "widehat": ("^", true, false), "bar": ("¯", false, false),
        "overline": ("―", true, false), "vec": ("→", false, false), "overrightarrow": ("→", true, false),
        "overleftarrow": ("←", true, false), "overleftrightarrow": ("↔", true, false),
        "tilde": ("~", false, false), "widetilde": ("~", true, false), "dot": ("˙", false, false),
        "ddot": ("¨", false, false), "dddot": ("⃛", false, false), "check": ("ˇ", false, false),
        "widecheck": ("ˇ", true, false), "breve": ("˘", false, false), "acute": ("´", false, false),
        "grave": ("`", false, false), "mathring": ("˚", false, false), "overbrace": ("⏞", true, false),
        "underline": ("_", true, true), "underbrace": ("⏟", true, true),
        "underrightarrow": ("→", true, true), "underleftarrow": ("←", true, true),
    ]

    /// Spacing commands, by width in em (TeX's mu are eighteenths of an em).
    static let spaces: [String: String] = [
        ",": "0.1667em", "thinspace": "0.1667em", ":": "0.2222em", ">": "0.2222em", "medspace": "0.2222em",
        ";": "0.2778em", "thickspace": "0.2778em", "quad": "1em", "qquad": "2em", "!": "-0.1667em",
        "negthinspace": "-0.1667em", "enspace": "0.5em", "negmedspace": "-0.2222em", "negthickspace": "-0.2778em",
    ]
}
