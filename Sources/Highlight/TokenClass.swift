/// What a piece of code is, by Pygments' short CSS class names, so that any Pygments or
/// Chroma style sheet colours our output unchanged.
public enum TokenClass: String, Sendable, CaseIterable {
    case keyword = "k", keywordConstant = "kc", keywordDeclaration = "kd", keywordNamespace = "kn"
    case keywordType = "kt", keywordPseudo = "kp", operatorWord = "ow"
    case name = "n", nameFunction = "nf", nameClass = "nc", nameBuiltin = "nb", nameBuiltinPseudo = "bp"
    case nameDecorator = "nd", nameTag = "nt", nameAttribute = "na", nameVariable = "nv", nameLabel = "nl"
    case string = "s", stringDouble = "s2", stringSingle = "s1", stringBacktick = "sb", stringEscape = "se"
    case stringInterpolated = "si", stringDoc = "sd", stringAffix = "sa", stringChar = "sc"
    case comment = "c", commentSingle = "c1", commentMultiline = "cm", commentPreproc = "cp", commentHashbang = "ch"
    case number = "m", numberInteger = "mi", numberFloat = "mf", numberHex = "mh", numberBin = "mb", numberOct = "mo"
    case `operator` = "o", punctuation = "p"
    case genericInserted = "gi", genericDeleted = "gd", genericHeading = "gh", genericSubheading = "gu"
    case genericPrompt = "gp", genericOutput = "go", genericEmphasis = "ge", genericStrong = "gs"
    case literal = "l"

    /// The coarse kind a reader tells apart, for comparing with other highlighters.
    public enum Category: String, Sendable {
        case keyword, string, comment, number, function, builtin, `operator`, other
    }

    /// The position among `allCases`, for tables indexed by class: a case without payload is
    /// stored as its position in the declaration (fewer than 256 cases: one byte).
    var index: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    public var category: Category {
        switch self {
        case .keyword, .keywordConstant, .keywordDeclaration, .keywordNamespace, .keywordType, .keywordPseudo, .operatorWord:
            .keyword
        case .string, .stringDouble, .stringSingle, .stringBacktick, .stringEscape, .stringInterpolated, .stringDoc,
            .stringAffix, .stringChar:
            .string
        case .comment, .commentSingle, .commentMultiline, .commentPreproc, .commentHashbang: .comment
        case .number, .numberInteger, .numberFloat, .numberHex, .numberBin, .numberOct: .number
        case .nameFunction, .nameClass: .function
        case .nameBuiltin, .nameBuiltinPseudo: .builtin
        case .operator, .punctuation: .operator
        default: .other
        }
    }
}

/// A run of bytes of the code (UTF-8 offsets) and what it is; nil for plain text.
public struct Token: Sendable, Equatable {
    public var kind: TokenClass?
    public var start: Int
    public var end: Int
}
