/// Input made to make a lexer slow: a construct opened and never closed (a string, a comment,
/// a here-document…), once before a megabyte of text or again on every line. Every lexer must
/// read each in time linear in its length; the tests time them (`HighlightTests`) and
/// `bench/highlight.sh` prints them on a release build.
package enum HostileInputs {
    /// What follows the opener: how an unclosed construct meets the rest of the input.
    package enum Shape: String, CaseIterable, Sendable {
        /// The opener, then lines of text to the end.
        case onceThenLines = "once, then lines"
        /// The opener, then one long line.
        case onceThenOneLine = "once, then one line"
        /// The opener at the start of every line.
        case everyLine = "on every line"
        /// The opener again and again on one line.
        case repeated = "repeated on one line"
    }

    /// The openers every lexer is tried with: those of each language, and a few that
    /// nest (brackets) or escape. A language's own list is the same, so that input
    /// written for one language and shown as another is covered too.
    package static let openers: [String] = [
        "\"", "'", "`", "\"\"\"", "'''", "```", "/*", "(*", "{-", "<!--", "<![CDATA[", "<?", "<?xml ", "<!DOCTYPE ",
        "<script>", "<style>", "<a b=\"", "<a b='", "<a ", "<<EOF\n", "<<-EOF\n", "<<~EOF\n", "<<<EOF\n", "<<'EOF'\n",
        "x = <<EOF\n", "=begin\n", "--[[", "--[==[", "[[", "[==[", "r#\"", "r\"", "b\"", "f\"{", "f'{x", "%q(", "%w[",
        "%r{", "/", "${", "$(", "$((", "#{", "\"#{", "\"\\(", "{{", "{%", "(", "[", "{", "\\", "@\"", "#", "//", "--", ";",
        "<", "&", ":", "- ", "? ", "key: |\n", "key: >\n", "key: \"", "key: {a: ", "[section", "[[x]]\na = [", "a = \"\"\"",
        "$$", "@", "#include <", "define x\n", "$x = <<<'EOF'\n", "'\\", "\"\\", "0x", "1e", "--- a\n", "@@ -1 +1 @@\n",
        ">>> \"", "Traceback (most recent call last):\n", "$ '", "FROM x\nRUN \"", "url(", "@media {", "a { b: \"",
        "server {", "resource \"a\" \"b\" {", "<<EOT\n", "```python\n", "    ", "|", "* ", "1. ", "![", "[a](",
    ]

    /// The constructs of each language (by its Pygments name) that may be left open: those
    /// every lexer must read in linear time and, in a release build, a megabyte of in under
    /// 100 ms, in every shape.
    package static let unclosed: [String: [String]] = [
        "python": ["\"", "'", "\"\"\"", "'''", "#", "f\"{", "f'{x", "r\"", "b\"", "\\"],
        "pycon": [">>> \"", ">>> '''", "... \"", "Traceback (most recent call last):\n"],
        "pytb": ["Traceback (most recent call last):\n", "  File \""],
        "bash": ["\"", "'", "`", "$(", "${", "$((", "<<EOF\n", "<<-EOF\n", "<<'EOF'\n", "#", "\\"],
        "console": ["$ '", "$ \"", "$ cat <<EOF\n", "$ echo $(", "# "],
        "c": ["\"", "'", "/*", "//", "#include <", "\\"],
        "cpp": ["\"", "'", "/*", "//", "#include <", "R\"("],
        "go": ["\"", "`", "'", "/*"],
        "java": ["\"", "'", "\"\"\"", "/*", "@"],
        "kotlin": ["\"", "\"\"\"", "'", "/*", "\"${"],
        "javascript": ["\"", "'", "`", "`${", "/*", "/", "//"],
        "typescript": ["\"", "'", "`", "`${", "/*", "/", "//"],
        "json": ["\"", "/*", "{\"a\": \""],
        "yaml": ["\"", "'", "key: |\n", "key: >\n", "key: \"", "key: {a: ", "- [", "#", "? ", "&", "*"],
        "toml": ["\"", "'", "\"\"\"", "'''", "a = \"\"\"", "[section", "[[x]]\na = [", "a = [", "#"],
        "ini": ["[section", ";", "#", "a = \""],
        "sql": ["'", "\"", "`", "/*", "--", "$$"],
        "swift": ["\"", "\"\"\"", "\"\\(", "/*", "#\""],
        "rust": ["\"", "r#\"", "r\"", "b\"", "'", "/*", "/*/*"],
        "ruby": ["\"", "'", "`", "\"#{", "#{", "%q(", "%w[", "%r{", "/", "=begin\n", "<<EOF\n", "<<~EOF\n", "<<-EOF\n", "x = <<EOF\n", ":\""],
        "php": ["\"", "'", "/*", "<<<EOF\n", "$x = <<<'EOF'\n", "\"{$", "<?php ", "#"],
        "lua": ["\"", "'", "--[[", "--[==[", "[[", "[==[", "--"],
        "dockerfile": ["RUN \"", "FROM x\nRUN \"", "RUN <<EOF\n", "#", "RUN echo \\\n"],
        "makefile": ["\"", "'", "$(", "${", "define x\n", "#", "\\"],
        "nginx": ["\"", "'", "server {", "#", "location ~ ^/("],
        "hcl": ["\"", "\"${", "<<EOF\n", "<<-EOF\n", "x = <<EOT\n", "/*", "#", "resource \"a\" \"b\" {"],
        "diff": ["--- a\n", "@@ -1 +1 @@\n", "+", "-"],
        "xml": ["<!--", "<![CDATA[", "<?", "<?xml ", "<!DOCTYPE ", "<script>", "<style>", "<a b=\"", "<a b='", "<a ", "&"],
        "html": ["<!--", "<![CDATA[", "<?", "<?xml ", "<!DOCTYPE ", "<script>", "<style>", "<a b=\"", "<a b='", "<a ", "&", "<script>a = \"", "<style>a { b: \""],
        "css": ["\"", "'", "/*", "url(", "@media {", "a { b: \"", "{"],
        "markdown": ["```", "```python\n", "<!--", "`", "![", "[a](", "*", "**", "    ", "> ", "<"],
        "protobuf": ["\"", "'", "/*"],
        "text": ["\""],
    ]

    /// The input: `opener` in `shape`, about `size` bytes long.
    package static func input(_ opener: String, _ shape: Shape, size: Int) -> String {
        let line = "text of a line, with \"quotes\" and (brackets)\n"
        switch shape {
        case .onceThenLines:
            return opener + String(repeating: line, count: max(1, (size - opener.utf8.count) / line.utf8.count))
        case .onceThenOneLine:
            return opener + String(repeating: "a", count: max(1, size - opener.utf8.count))
        case .everyLine:
            let unit = opener + " x\n"
            return String(repeating: unit, count: max(1, size / unit.utf8.count))
        case .repeated:
            let unit = opener + " x "
            return String(repeating: unit, count: max(1, size / unit.utf8.count))
        }
    }
}
