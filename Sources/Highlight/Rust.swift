/// Rust, as Pygments reads it: doc comments (`///`, `//!`, `/** */`) are strings, block
/// comments nest, `'a` is a lifetime but `'a'` a character, raw strings (`r#"…"#`), byte
/// strings, attributes (`#[derive(…)]`, strings inside them aside), macros of the standard
/// library (`println!`), and the type after `:` or `->` (a class name unless a builtin).
enum Rust {
    static func lex(_ s: inout Scanner) {
        var reader = Reader()
        reader.lex(&s)
    }

    static let keywords = WordSet(
        ("as async await box const crate dyn else extern for if impl in loop match move mut pub ref return static super trait unsafe use "
            + "where while abstract become do final macro override priv typeof try unsized virtual yield mod fn struct enum type union "
            + "break continue")
            .split(separator: " ").map(String.init))
    static let types = WordSet("u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 usize isize f32 f64 char str bool".split(separator: " ").map(String.init))
    static let builtins = WordSet(
        ("Copy Send Sized Sync Unpin Drop Fn FnMut FnOnce drop Box ToOwned Clone PartialEq PartialOrd Eq Ord AsRef AsMut Into From "
            + "Default Iterator Extend IntoIterator DoubleEndedIterator ExactSizeIterator Option Some None Result Ok Err String ToString Vec")
            .split(separator: " ").map(String.init))
    static let macros = WordSet(
        ("asm assert assert_eq assert_ne cfg column compile_error concat concat_idents dbg debug_assert debug_assert_eq debug_assert_ne "
            + "env eprint eprintln file format format_args format_args_nl global_asm include include_bytes include_str "
            + "is_aarch64_feature_detected is_arm_feature_detected is_mips64_feature_detected is_mips_feature_detected "
            + "is_powerpc64_feature_detected is_powerpc_feature_detected is_x86_feature_detected line llvm_asm log_syntax macro_rules "
            + "matches module_path option_env panic print println stringify thread_local todo trace_macros unimplemented unreachable vec "
            + "write writeln")
            .split(separator: " ").map(String.init))
    /// Type suffixes of numbers (`10u8`), keywords to Pygments.
    static let suffixes = ["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64"].map { Array($0.utf8) }

    /// What the next word is, after a word that names one (`fn name`, `mod name`), or after
    /// `:`, `->`, `struct`… (a type, where builtins and `&` may come first).
    private enum Expect { case code, function, module, type }

    struct Reader {
        private var expect = Expect.code
        /// Where the raw string closing with `"` and that many `#` lies, from some earlier
        /// position: unclosed ones read in linear time.
        var rawCloses: [Int: (from: Int, at: Int)] = [:]

        mutating func lex(_ s: inout Scanner) {
            let b = s.bytes
            // `#!` on the first line is a shebang, unless it starts an attribute (`#![…]`).
            if s.looking(at: "#!"), b.count > 2, b[2] != UInt8(ascii: "["), b[2] != 10, b[2] != 13 {
                s.toLineEnd()
                s.emit(.commentPreproc, from: 0)
            }
            while !s.atEnd {
                let p = s.position
                let c = b[p]
                if c.isSpace {
                    s.advance(while: \.isSpace)
                    s.emit(nil, from: p)
                    continue
                }
                if c == UInt8(ascii: "/"), p + 1 < b.count, b[p + 1] == UInt8(ascii: "/") || b[p + 1] == UInt8(ascii: "*") {
                    comment(&s)
                    continue
                }
                let expected = expect
                expect = .code
                switch expected {
                case .function, .module:
                    if c.isLetter || c == UInt8(ascii: "_") {
                        s.advance(while: \.isIdentifier)
                        s.emit(expected == .function ? .nameFunction : .name, from: p)
                        continue
                    }
                case .type:
                    if c == UInt8(ascii: "&") {
                        s.position += 1
                        s.emit(.keywordPseudo, from: p)
                        expect = .type
                        continue
                    }
                    if c == UInt8(ascii: "'") {
                        lifetime(&s)
                        expect = .type
                        continue
                    }
                    if c.isLetter || c == UInt8(ascii: "_") {
                        s.advance(while: \.isIdentifier)
                        let word = s.word(from: p)
                        if Rust.builtins.contains(word) || Rust.types.contains(word) {
                            s.emit(Rust.types.contains(word) ? .keywordType : .nameBuiltin, from: p)
                            expect = .type
                        } else {
                            s.emit(.nameClass, from: p)
                        }
                        continue
                    }
                case .code:
                    break
                }
                if c.isLetter || c == UInt8(ascii: "_") {
                    word(&s)
                } else if c.isDigit {
                    number(&s)
                } else if c == UInt8(ascii: "\"") {
                    string(&s, from: p)
                } else if c == UInt8(ascii: "'") {
                    if !character(&s) { lifetime(&s) }
                } else if c == UInt8(ascii: "$") {
                    // A macro's parameter: `$name`, `$(`, `$),`.
                    s.position += 1
                    if !s.atEnd, b[s.position].isLetter || b[s.position] == UInt8(ascii: "_") {
                        s.advance(while: \.isIdentifier)
                    } else if !s.atEnd, b[s.position] == UInt8(ascii: "(") || b[s.position] == UInt8(ascii: ")") {
                        s.position += 1
                        if !s.atEnd, b[s.position] == UInt8(ascii: ",") { s.position += 1 }
                    } else if !s.atEnd, b[s.position] == UInt8(ascii: ",") {
                        s.position += 1
                    }
                    s.emit(.commentPreproc, from: p)
                } else if c == UInt8(ascii: "#") {
                    if p + 1 < b.count, b[p + 1] == UInt8(ascii: "[") || (b[p + 1] == UInt8(ascii: "!") && p + 2 < b.count && b[p + 2] == UInt8(ascii: "[")) {
                        attribute(&s)
                    } else {
                        s.position += 1
                        s.emit(.punctuation, from: p)
                    }
                } else if s.looking(at: "::"), p + 2 < b.count, b[p + 2].isIdentifier {
                    s.position += 2
                    s.emit(.punctuation, from: p)
                } else if c == UInt8(ascii: ":") || s.looking(at: "->") {
                    s.position += c == UInt8(ascii: ":") ? 1 : 2
                    s.emit(.punctuation, from: p)
                    expect = .type
                } else if s.looking(at: "..") {
                    s.position += s.looking(at: "..=") ? 3 : 2
                    s.emit(.operator, from: p)
                } else if "{}()[],.;".utf8.contains(c) {
                    s.position += 1
                    s.emit(.punctuation, from: p)
                } else if "+-*/%&|<>^!~@=?".utf8.contains(c) {
                    s.position += 1
                    s.emit(.operator, from: p)
                } else {
                    s.skipOne()
                    s.emit(nil, from: p)
                }
            }
        }

        /// A word: keyword, type, builtin, macro, name; or a literal it starts (`b'x'`,
        /// `br"…"`, `r#"…"#`).
        private mutating func word(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            s.advance(while: \.isIdentifier)
            let word = s.word(from: p)
            let next: UInt8? = s.position < b.count ? b[s.position] : nil
            if Rust.keywords.contains(word) {
                s.emit(.keyword, from: p)
                if word.spells("fn") { expect = .function }
                if word.spells("mod") { expect = .module }
                if ["struct", "enum", "type", "union"].contains(where: { word.elementsEqual($0.utf8) }) { expect = .type }
                if word.spells("break") || word.spells("continue") { label(&s) }
                return
            }
            if word.spells("let") {
                s.emit(.keywordDeclaration, from: p)
                return
            }
            if word.spells("true") || word.spells("false") {
                s.emit(.keywordConstant, from: p)
                return
            }
            if word.spells("self") || word.spells("Self") {
                s.emit(.nameBuiltinPseudo, from: p)
                return
            }
            if Rust.types.contains(word) {
                s.emit(.keywordType, from: p)
                return
            }
            if Rust.builtins.contains(word) {
                s.emit(.nameBuiltin, from: p)
                return
            }
            if next == UInt8(ascii: "!"), Rust.macros.contains(word) {
                s.position += 1
                s.emit(.nameFunction, from: p)
                return
            }
            // Literals with a prefix: `b'x'`, `b"…"`, `r"…"`, `br#"…"#`.
            if word.spells("b") {
                if next == UInt8(ascii: "'"), character(&s, from: p) { return }
                if next == UInt8(ascii: "\"") {
                    string(&s, from: p)
                    return
                }
            }
            if word.spells("r") || word.spells("br"), next == UInt8(ascii: "\"") || next == UInt8(ascii: "#"), rawString(&s, from: p) {
                return
            }
            s.emit(.name, from: p)
        }

        /// `'label` after `break` or `continue`.
        private func label(_ s: inout Scanner) {
            let b = s.bytes
            var i = s.position
            while i < b.count, b[i].isSpace { i += 1 }
            guard i + 1 < b.count, b[i] == UInt8(ascii: "'"), b[i + 1].isLetter || b[i + 1] == UInt8(ascii: "_") else { return }
            let space = s.position
            s.position = i
            s.emit(nil, from: space)
            s.position += 1
            s.advance(while: \.isIdentifier)
            s.emit(.nameLabel, from: i)
        }

        /// `'a`, `'static`: the quote an operator, the name an attribute (`static`, `_` builtins).
        private func lifetime(_ s: inout Scanner) {
            let p = s.position
            s.position += 1
            s.emit(.operator, from: p)
            let name = s.position
            s.advance(while: \.isIdentifier)
            let word = s.word(from: name)
            s.emit(word.spells("static") || word.spells("_") ? .nameBuiltin : .nameAttribute, from: name)
        }

        /// `//` and `/* */` comments; `///`, `//!`, `/** */`, `/*! */` documentation (strings).
        private func comment(_ s: inout Scanner) {
            let b = s.bytes
            let p = s.position
            if b[p + 1] == UInt8(ascii: "/") {
                s.toLineEnd()
                let doc = s.position - p > 2 && (b[p + 2] == UInt8(ascii: "!") || (b[p + 2] == UInt8(ascii: "/") && (s.position - p == 3 || b[p + 3] != UInt8(ascii: "/"))))
                if !s.atEnd { s.position += 1 }
                s.emit(doc ? .stringDoc : .commentSingle, from: p)
                return
            }
            let doc = p + 3 < b.count && ((b[p + 2] == UInt8(ascii: "*") && b[p + 3] != UInt8(ascii: "/") && b[p + 3] != UInt8(ascii: "*")) || b[p + 2] == UInt8(ascii: "!"))
            // Block comments nest.
            s.position += 2
            var depth = 1
            while !s.atEnd, depth > 0 {
                if s.looking(at: "/*") {
                    depth += 1
                    s.position += 2
                } else if s.looking(at: "*/") {
                    depth -= 1
                    s.position += 2
                } else {
                    s.position += 1
                }
            }
            s.emit(doc ? .stringDoc : .commentMultiline, from: p)
        }

        /// `#[…]` and `#![…]`: preprocessor-like, with nested brackets; strings inside are strings.
        private func attribute(_ s: inout Scanner) {
            let b = s.bytes
            var start = s.position
            s.position += b[s.position + 1] == UInt8(ascii: "!") ? 3 : 2
            var depth = 1
            while !s.atEnd, depth > 0 {
                let c = b[s.position]
                if c == UInt8(ascii: "\"") {
                    s.emit(.commentPreproc, from: start)
                    string(&s, from: s.position)
                    start = s.position
                    continue
                }
                if c == UInt8(ascii: "[") { depth += 1 }
                if c == UInt8(ascii: "]") { depth -= 1 }
                s.position += 1
            }
            s.emit(.commentPreproc, from: start)
        }
    }
}
