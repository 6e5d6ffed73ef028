/// The languages known, by every name Pygments and GitHub Linguist give them.
public struct Language: Sendable {
    public let name: String
    let lex: @Sendable (inout Scanner) -> Void

    /// Every name a fence may give, for listings and tests.
    public static var byAliasNames: [String] { byAlias.keys.sorted() }

    /// The name Pygments knows this language by.
    public var pygmentsName: String { name }

    /// The language a fence names (`go`, `Python`, `sh`, `c++`…), or nil.
    public static func named(_ name: String) -> Language? {
        byAlias[name.lowercased()]
    }

    static let byAlias: [String: Language] = {
        var table: [String: Language] = [:]
        for (names, lex) in all {
            let language = Language(name: names[0], lex: lex)
            for alias in names { table[alias] = language }
        }
        return table
    }()

    private static func grammar(_ g: Grammar) -> @Sendable (inout Scanner) -> Void { { g.lex(&$0) } }

    static let all: [([String], @Sendable (inout Scanner) -> Void)] = [
        (["python", "py", "python3", "py3", "gyp", "bazel", "bzl", "starlark"], grammar(Grammars.python)),
        (["pycon", "python-console"], { Lines.pythonConsole(&$0) }),
        (["pytb", "python-traceback", "py3tb"], { Lines.traceback(&$0) }),
        (["bash", "sh", "shell", "zsh", "ksh", "shell-script", "fish"], { Shell.lex(&$0) }),
        (["console", "shell-session", "shellsession", "terminal", "sh-session", "bash-session"], { Session.lex(&$0) }),
        (["c", "h"], grammar(Grammars.c)),
        (["cpp", "c++", "cc", "cxx", "hpp", "h++", "arduino", "ino"], grammar(Grammars.cpp)),
        (["go", "golang"], grammar(Grammars.go)),
        (["java"], grammar(Grammars.java)),
        (["kotlin", "kt", "kts"], { Kotlin.lex(&$0) }),
        (["javascript", "js", "jsx", "mjs", "cjs", "node"], { Script.lex(&$0, typescript: false) }),
        (["typescript", "ts", "tsx"], { Script.lex(&$0, typescript: true) }),
        (["json", "jsonc", "json5", "geojson"], grammar(Grammars.json)),
        (["yaml", "yml"], { Lines.yaml(&$0) }),
        (["toml"], { Lines.ini(&$0, toml: true) }),
        (["ini", "cfg", "dosini", "conf", "properties", "editorconfig", "gitconfig"], { Lines.ini(&$0, toml: false) }),
        (["sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plpgsql"], { Sql.lex(&$0) }),
        (["swift"], grammar(Grammars.swift)),
        (["rust", "rs"], { Rust.lex(&$0) }),
        (["ruby", "rb", "gemfile", "rake", "podfile"], { Ruby.lex(&$0) }),
        (["php", "php3", "php4", "php5"], { Php.lex(&$0) }),
        (["lua", "luau"], grammar(Grammars.lua)),
        (["dockerfile", "docker", "containerfile"], { Dockerfile.lex(&$0) }),
        (["makefile", "make", "mf", "bsdmake", "mk"], { Makefile.lex(&$0) }),
        (["nginx", "nginxconf", "nginx-conf"], { Nginx.lex(&$0) }),
        (["hcl", "terraform", "tf", "tfvars", "nomad"], { Terraform.lex(&$0) }),
        (["diff", "patch", "udiff"], { Lines.diff(&$0) }),
        (["xml", "svg", "rss", "atom", "plist", "xsd", "xsl"], { Markup.lex(&$0) }),
        (["html", "htm", "xhtml", "vue", "jinja", "liquid"], { Markup.lex(&$0, html: true) }),
        (["css", "scss", "less", "sass"], { Css.lex(&$0) }),
        (["markdown", "md", "mkd", "mdown"], { Markdown.lex(&$0) }),
        (["protobuf", "proto", "proto3"], grammar(Grammars.protobuf)),
        (["text", "plain", "plaintext", "txt", "none", "nohighlight", "output", "log"], { s in
            let start = s.position
            s.position = s.bytes.count
            s.emit(nil, from: start)
        }),
    ]
}

/// The grammars of languages that differ only in words and delimiters.
enum Grammars {
    private static func words(_ text: String, caseInsensitive: Bool = false) -> WordSet {
        WordSet(text.split(separator: " ").map(String.init), caseInsensitive: caseInsensitive)
    }

    private static let cComments: (lines: [[UInt8]], blocks: [(open: [UInt8], close: [UInt8])]) =
        ([Array("//".utf8)], [(Array("/*".utf8), Array("*/".utf8))])

    private static func cLike(
        keywords: String, declarations: String = "", types: String = "", constants: String = "true false null",
        namespaces: String = "", builtins: String = "", functionAfter: String = "", classAfter: String = "",
        quotes: [Grammar.Quote] = [.init("\"", nil, .stringDouble), .init("'", nil, .stringChar)]
    ) -> Grammar {
        var g = Grammar()
        (g.lineComments, g.blockComments) = cComments
        g.quotes = quotes
        g.keywords = words(keywords)
        g.declarations = words(declarations)
        g.types = words(types)
        g.constants = words(constants)
        g.namespaces = words(namespaces)
        g.builtins = words(builtins)
        g.functionAfter = words(functionAfter)
        g.classAfter = words(classAfter)
        return g
    }

    static let python: Grammar = {
        var g = Grammar()
        g.lineComments = [Array("#".utf8)]
        g.quotes = [
            .init("\"\"\"", nil, .stringDouble, multiline: true), .init("'''", nil, .stringSingle, multiline: true),
            .init("\"", nil, .stringDouble), .init("'", nil, .stringSingle),
        ]
        g.quotePrefixes = Set("rbfu".utf8)
        g.keywords = words("assert async await break continue del elif else except finally for global if lambda nonlocal pass raise return try while with yield case match")
        g.declarations = words("def class")
        g.namespaces = words("import from as")
        g.constants = words("True False None")
        g.wordOperators = words("and or not in is")
        g.pseudo = words("self cls")
        g.builtins = words("abs all any bin bool bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip Exception ValueError TypeError KeyError IndexError RuntimeError OSError IOError StopIteration AttributeError ImportError NotImplementedError")
        g.functionAfter = words("def")
        g.classAfter = words("class")
        g.decorators = true
        g.interpolation = .pythonFormat
        return g
    }()

    static let c: Grammar = {
        var g = cLike(
            keywords: "if else for while do switch case default break continue return goto sizeof typedef extern static const volatile register inline restrict",
            declarations: "struct union enum",
            types: "int char short long float double void unsigned signed bool size_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t uintptr_t intptr_t ssize_t",
            // `NULL` and `nullptr` are builtins to Pygments, not constants.
            constants: "true false", builtins: "NULL nullptr")
        g.preprocessor = true
        g.definitions = .outsideBraces
        return g
    }()
    static let cpp: Grammar = {
        var g = cLike(
            keywords: "if else for while do switch case default break continue return goto sizeof typedef extern static const volatile register inline new delete this throw try catch operator template typename public private protected virtual override final friend using constexpr noexcept decltype static_cast dynamic_cast reinterpret_cast const_cast explicit mutable co_await co_return co_yield",
            declarations: "struct union enum class namespace",
            types: "int char short long float double void unsigned signed bool auto size_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t wchar_t char8_t char16_t char32_t",
            constants: "true false", builtins: "NULL nullptr", classAfter: "class struct")
        g.preprocessor = true
        g.definitions = .outsideBraces
        return g
    }()
    static let go = cLike(
        keywords: "break case chan const continue default defer else fallthrough for go goto if map range return select switch",
        declarations: "func type var struct interface", types: "bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any",
        constants: "true false nil iota", namespaces: "package import",
        builtins: "append cap close complex copy delete imag len make new panic print println real recover",
        functionAfter: "func", classAfter: "type",
        quotes: [.init("\"", nil, .stringDouble), .init("`", nil, .stringBacktick, escapes: false, multiline: true), .init("'", nil, .stringChar)])
    static let java: Grammar = {
        var g = cLike(
            keywords: "assert break case catch continue default do else finally for goto if instanceof new return switch this throw try while permits",
            // Pygments' declarations: the modifiers (`public`, `static`…) and `var`.
            declarations: "class interface enum record abstract const extends final implements native private protected public sealed static strictfp super synchronized throws transient volatile yield var",
            types: "boolean byte char double float int long short void",
            namespaces: "package import", classAfter: "class interface enum record")
        g.decorators = true  // `@Override`
        g.definitions = .anywhere
        return g
    }()
    static let json: Grammar = {
        var g = Grammar()
        g.quotes = [.init("\"", nil, .stringDouble)]
        g.constants = words("true false null")
        g.quotedKeys = true
        (g.lineComments, g.blockComments) = cComments  // JSONC
        return g
    }()
    static let swift: Grammar = {
        var g = swiftWords
        g.interpolation = .swift
        return g
    }()
    private static let swiftWords = cLike(
        keywords: "if else guard for in while repeat switch case default break continue fallthrough return throw throws rethrows try catch do defer where is as await async inout some any public private fileprivate internal open static final mutating nonmutating override init deinit subscript self Self super lazy weak unowned convenience required get set willSet didSet",
        declarations: "func var let class struct enum protocol extension typealias actor",
        constants: "true false nil", namespaces: "import",
        // The standard library's types are builtins to Pygments, not keywords.
        builtins: "Int Double Float Bool String Character UInt Int64 Int32 UInt8 Void Array Dictionary Set Optional Result Error print",
        functionAfter: "func", classAfter: "class struct enum protocol extension actor",
        quotes: [.init("\"\"\"", nil, .stringDouble, multiline: true), .init("\"", nil, .stringDouble)])
    static let lua: Grammar = {
        var g = Grammar()
        g.lineComments = [Array("--".utf8)]
        g.longBrackets = true  // `--[[ … ]]`, `[==[ … ]==]`
        g.quotes = [.init("\"", nil, .stringDouble), .init("'", nil, .stringSingle)]
        g.keywords = words("and break do else elseif end for goto if in not or repeat return then until while")
        g.declarations = words("local function")
        g.constants = words("true false nil")
        g.builtins = words("assert error ipairs next pairs pcall print rawget rawset require select setmetatable getmetatable tonumber tostring type unpack xpcall string table math io os coroutine")
        g.functionAfter = words("function")
        return g
    }()
    static let protobuf = cLike(
        keywords: "syntax option optional required repeated returns rpc stream reserved extensions to max oneof map",
        declarations: "message enum service", types: "double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool string bytes",
        namespaces: "package import", classAfter: "message enum service",
        quotes: [.init("\"", nil, .stringDouble), .init("'", nil, .stringSingle)])
}
