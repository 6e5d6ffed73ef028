import Foundation
import Testing

@testable import BlogCore
@testable import BlogMarkdown

/// TeX math as MathML Core (`MathMLConverter`), and through a post (`Math`): each construct
/// real blogs use, what a writer is told of what cannot be shown, and input built to hurt.
@Suite struct MathMLTests {
    /// The MathML inside `<semantics>`, without the annotation.
    static func mathML(_ tex: String, display: Bool = false) -> String {
        let html = MathMLConverter.convert(tex, display: display).html
        guard let start = html.range(of: "<semantics>"), let end = html.range(of: "<annotation") else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Each construct of the issue, and the MathML it must become.
    static let constructs: [(tex: String, display: Bool, expected: [String])] = [
        ("\\frac{a}{b}", false, ["<mfrac><mi>a</mi><mi>b</mi></mfrac>"]),
        ("\\dfrac12", false, ["<mstyle displaystyle=\"true\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"]),
        ("\\tfrac{1}{2}", true, ["<mstyle displaystyle=\"false\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"]),
        ("\\sqrt{x}", false, ["<msqrt><mi>x</mi></msqrt>"]),
        ("\\sqrt[3]{x+1}", false, ["<mroot><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mn>3</mn></mroot>"]),
        ("x_1^2", false, ["<msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup>"]),
        ("x^{12}", false, ["<msup><mi>x</mi><mn>12</mn></msup>"]),
        ("x^12", false, ["<msup><mi>x</mi><mn>1</mn></msup><mn>2</mn>"]),
        ("f'(x)", false, ["<msup><mi>f</mi><mo>′</mo></msup><mo stretchy=\"false\">(</mo>"]),
        ("\\alpha+\\Omega", false, ["<mi>α</mi><mo>+</mo><mi mathvariant=\"normal\">Ω</mi>"]),
        ("a \\leq b \\neq c \\to \\infty", false, ["<mo>≤</mo>", "<mo>≠</mo>", "<mo>→</mo>", "<mi mathvariant=\"normal\">∞</mi>"]),
        ("\\sum_{i=1}^n i", false, ["<msubsup><mo largeop=\"true\" movablelimits=\"false\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></msubsup>"]),
        ("\\sum_{i=1}^n i", true, ["<munderover><mo largeop=\"true\" movablelimits=\"false\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"]),
        ("\\prod_{k} a_k", true, ["<munder><mo largeop=\"true\" movablelimits=\"false\">∏</mo><mi>k</mi></munder>"]),
        ("\\int_0^1 f(x)\\,\\mathrm{d}x", true, ["<msubsup><mo largeop=\"true\" movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></msubsup>",
            "<mspace width=\"0.1667em\"></mspace><mi mathvariant=\"normal\">d</mi><mi>x</mi>"]),
        ("\\int\\limits_0^1 x", true, ["<munderover><mo largeop=\"true\" movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>"]),
        ("\\lim_{x\\to 0} f", true, ["<munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>"]),
        ("\\lim_{x\\to 0} f", false, ["<msub><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></msub>"]),
        ("\\frac{\\sum_a^b}{2}", true, ["<mfrac><msubsup><mo largeop=\"true\" movablelimits=\"false\">∑</mo>"]),
        ("\\overline{AB}", false, ["<mover accent=\"true\"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy=\"true\">―</mo></mover>"]),
        ("\\hat{x}\\bar{y}\\vec{v}\\tilde{n}\\dot{q}", false, [
            "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>",
            "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">¯</mo></mover>",
            "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>",
            "<mover accent=\"true\"><mi>n</mi><mo stretchy=\"false\">~</mo></mover>",
            "<mover accent=\"true\"><mi>q</mi><mo stretchy=\"false\">˙</mo></mover>"]),
        ("\\text{if } x > 0", false, ["<mtext>if\u{A0}</mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn>"]),
        ("\\text{当 } t \\text{ 分布}", false, ["<mtext>当\u{A0}</mtext>", "<mtext>\u{A0}分布</mtext>"]),
        ("\\mathbf{x}\\mathrm{d}\\mathit{ab}\\mathcal{L}\\mathbb{R}^n", false, [
            "<mi>𝐱</mi>", "<mi mathvariant=\"normal\">d</mi>", "<mrow><mi>a</mi><mi>b</mi></mrow>", "<mi>ℒ</mi>", "<msup><mi>ℝ</mi><mi>n</mi></msup>"]),
        ("\\left( \\frac{a}{b} \\right]", false, [
            "<mrow><mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo></mrow>"]),
        ("\\left\\{ x \\middle| x>0 \\right.", false, ["<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi><mo fence=\"true\" stretchy=\"true\">|</mo>"]),
        ("|x| = \\begin{cases} x & x \\geq 0 \\\\ -x & \\text{otherwise} \\end{cases}", true, [
            "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable displaystyle=\"false\"><mtr><mtd columnalign=\"left\"><mi>x</mi></mtd>",
            "<mtr><mtd columnalign=\"left\"><mrow><mo>−</mo><mi>x</mi></mrow></mtd><mtd columnalign=\"left\"><mtext>otherwise</mtext></mtd></mtr></mtable>"]),
        ("\\begin{matrix} a & b \\\\ c & d \\end{matrix}", false, [
            "<mtable displaystyle=\"false\"><mtr><mtd columnalign=\"center\"><mi>a</mi></mtd><mtd columnalign=\"center\"><mi>b</mi></mtd></mtr><mtr><mtd columnalign=\"center\"><mi>c</mi></mtd><mtd columnalign=\"center\"><mi>d</mi></mtd></mtr></mtable>"]),
        ("\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}", false, ["<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable", "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo>"]),
        ("\\begin{bmatrix} 1 \\end{bmatrix}", false, [">[</mo><mtable", "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo>"]),
        ("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}", false, [">|</mo><mtable", "</mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">|</mo>"]),
        ("\\begin{aligned} a &= b + c \\\\ &= d \\end{aligned}", true, [
            "<mtable displaystyle=\"true\" class=\"math-aligned\"><mtr><mtd columnalign=\"right\"><mi>a</mi></mtd><mtd columnalign=\"left\"><mrow><mi></mi><mo>=</mo><mi>b</mi><mo>+</mo><mi>c</mi></mrow></mtd></mtr>",
            "<mtr><mtd columnalign=\"right\"><mrow></mrow></mtd><mtd columnalign=\"left\"><mrow><mi></mi><mo>=</mo><mi>d</mi></mrow></mtd></mtr></mtable>"]),
        ("\\begin{align*} x &= 1 \\\\ y &= 2 \\end{align*}", true, ["<mtable displaystyle=\"true\" class=\"math-aligned\">"]),
        ("\\begin{align} x &= 1 \\tag{2} \\end{align}", true, ["<mtd class=\"math-tag\"><mtext>(2)</mtext></mtd>"]),
        ("\\begin{array}{l|cr} a & b & c \\\\ \\hline d & e & f \\end{array}", false, [
            "<mtd columnalign=\"left\"><mi>a</mi></mtd><mtd columnalign=\"center\"><mi>b</mi></mtd><mtd columnalign=\"right\"><mi>c</mi></mtd>",
            "<mtd columnalign=\"left\"><mi>d</mi></mtd>"]),
        ("u(x)=\\sqrt{u^2_A(x)+u^2_B(x)}\\tag{1.1}", true, ["<msubsup><mi>u</mi><mi>A</mi><mn>2</mn></msubsup>", "<mspace width=\"2em\"></mspace><mtext>(1.1)</mtext>"]),
        ("a\\,b\\;c\\quad d\\qquad e\\!f", false, [
            "<mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi><mspace width=\"0.2778em\"></mspace><mi>c</mi><mspace width=\"1em\"></mspace><mi>d</mi><mspace width=\"2em\"></mspace><mi>e</mi><mspace width=\"-0.1667em\"></mspace><mi>f</mi>"]),
        ("\\operatorname{Var}(X) + \\operatorname*{argmax}_x f", true, ["<mi>Var</mi>", "<munder><mi>argmax</mi><mi>x</mi></munder>"]),
        ("a \\\\ b", true, ["<mtable displaystyle=\"true\"><mtr><mtd columnalign=\"center\"><mi>a</mi></mtd></mtr><mtr><mtd columnalign=\"center\"><mi>b</mi></mtd></mtr></mtable>"]),
        ("\\sin x + \\log_2 n", false, ["<mi>sin</mi><mi>x</mi>", "<msub><mi>log</mi><mn>2</mn></msub>"]),
        ("\\binom{n}{k}", false, ["<mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac>"]),
        ("3.14 < \\pi", false, ["<mn>3.14</mn><mo>&lt;</mo><mi>π</mi>"]),
        ("a & b", false, ["<mtd columnalign=\"right\"><mi>a</mi></mtd><mtd columnalign=\"left\"><mi>b</mi></mtd>"]),
    ]

    @Test(arguments: 0..<constructs.count)
    func construct(_ index: Int) {
        let (tex, display, expected) = Self.constructs[index]
        let result = MathMLConverter.convert(tex, display: display)
        #expect(result.failure == nil && result.unknown.isEmpty, "\(tex): \(result)")
        let mathML = Self.mathML(tex, display: display)
        for fragment in expected {
            #expect(mathML.contains(fragment), "\(tex)\nexpected: \(fragment)\n     got: \(mathML)")
        }
    }

    @Test func theTeXIsKeptInAnAnnotationAndEscaped() {
        let html = MathMLConverter.convert("a<b & \\text{\"q\"}", display: true).html
        #expect(html.hasPrefix("<math display=\"block\"><semantics><mrow>"))
        #expect(html.hasSuffix("<annotation encoding=\"application/x-tex\">a&lt;b &amp; \\text{&quot;q&quot;}</annotation></semantics></math>"))
        #expect(html.contains("<mtext>&quot;q&quot;</mtext>"))
        #expect(MathMLConverter.convert("x", display: false).html.hasPrefix("<math><semantics>"))
    }

    @Test func unknownCommandsAndEnvironmentsAreShownAndNamed() {
        let result = MathMLConverter.convert("\\foo{x} + \\foo + \\begin{weird} a \\end{weird}", display: false)
        #expect(result.failure == nil)
        #expect(result.unknown == ["\\foo", "\\begin{weird}"])
        #expect(result.html.contains("<merror class=\"math-error\"><mtext>\\foo</mtext></merror><mi>x</mi>"))
        #expect(result.html.contains("<merror class=\"math-error\"><mtext>\\begin{weird} a \\end{weird}</mtext></merror>"))
    }

    @Test(arguments: [
        ("\\frac{a}{b", "a '{' is never closed"),
        ("a}b", "a '}' closes no '{'"),
        ("\\left( x", "a \\left is never closed by a \\right"),
        ("x \\right)", "a \\right has no \\left"),
        ("\\begin{cases} a", "\\begin{cases} is never closed by \\end{cases}"),
        ("\\begin{matrix} a \\end{pmatrix}", "\\begin{matrix} is closed by \\end{pmatrix}"),
        ("x^", "'^' has no argument"),
        ("\\frac{a}", "\\frac has no argument"),
    ])
    func malformedTeXIsShownAsWritten(_ tex: String, _ reason: String) {
        let result = MathMLConverter.convert(tex, display: false)
        #expect(result.failure == reason, "\(tex)")
        let escaped = tex.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        #expect(result.html == "<math><merror class=\"math-error\"><mtext>\(escaped)</mtext></merror></math>")
    }

    /// Built to hurt: each in linear time, no stack overflow, shown as written.
    @Test func hostileFormulasFinishFast() {
        let clock = ContinuousClock()
        let nested = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let unclosed = String(repeating: "{", count: 10_000)
        let closers = String(repeating: "}", count: 10_000)
        let lefts = String(repeating: "\\left(", count: 10_000)
        let scripts = String(repeating: "x^", count: 10_000) + "x"
        let fractions = String(repeating: "\\frac", count: 10_000)
        let environments = String(repeating: "\\begin{matrix}", count: 10_000)
        for tex in [nested, unclosed, closers, lefts, scripts, fractions, environments] {
            var result: MathMLConverter.Result?
            let time = clock.measure { result = MathMLConverter.convert(tex, display: true) }
            // `x^x^x…` is not nested: TeX's "double superscript", shown as scripts on nothing.
            #expect(result?.failure != nil || tex == scripts, "\(tex.prefix(20))")
            #expect(time < .seconds(2), "\(tex.prefix(20))…: \(time)")
        }
        // A megabyte of real math, and a megabyte of one unknown command: linear.
        let unit = "\\frac{a_1}{b^2} + \\sqrt{x} - \\alpha \\cdot "
        let big = String(repeating: unit, count: 1_000_000 / unit.utf8.count)
        let small = String(repeating: unit, count: 100_000 / unit.utf8.count)
        var result: MathMLConverter.Result?
        let smallTime = clock.measure { result = MathMLConverter.convert(small, display: true) }
        let bigTime = clock.measure { result = MathMLConverter.convert(big, display: true) }
        #expect(result?.failure == nil)
        #expect(bigTime < .seconds(20), "1 MB: \(bigTime)")
        #expect(bigTime < smallTime * 30, "10 times the formula took \(bigTime / smallTime) times as long")
        let unknown = String(repeating: "\\foo ", count: 200_000)
        let time = clock.measure { result = MathMLConverter.convert(unknown, display: false) }
        #expect(result?.unknown == ["\\foo"] && time < .seconds(20))
    }

    /// Through a post's Markdown: MathML in place of the math, display math alone in its
    /// paragraph as a block, and what cannot be shown warned of at its line, once a command.
    @Test func inAPostWithWarningsAtTheirLines() {
        let markdown = """
            Inline $\\frac{a}{b}$ and $\\foo x + \\foo$ here.

            $$
            \\sum_{i=1}^n i
            $$

            Line one
            line two $\\frac{a$ broken
            line three $\\begin{weird}x\\end{weird}$ and $\\foo$.

            用$a$一个
            """
        let document = MarkdownDocument(markdown, safe: false, extensions: [.math])
        let html = document.html(of: MarkdownNode(document.root))
        #expect(html.contains("<p>Inline <math><semantics><mrow><mfrac><mi>a</mi><mi>b</mi></mfrac></mrow><annotation encoding=\"application/x-tex\">\\frac{a}{b}</annotation></semantics></math> and"))
        #expect(html.contains("<div class=\"math display\"><math display=\"block\"><semantics><mrow><munderover>"))
        #expect(html.contains("line two <math><merror class=\"math-error\"><mtext>\\frac{a</mtext></merror></math> broken"))
        #expect(html.contains("<p>用<math><semantics><mrow><mi>a</mi></mrow>"))
        #expect(!html.contains("$"))
        let warnings = document.warnings.map { "\($0.line): \($0.message)" }
        #expect(warnings == [
            "1: math: unknown command '\\foo' is shown as written, in red",
            "8: math '\\frac{a' cannot be read (a '{' is never closed); it is shown as written",
            "9: math: unknown environment 'weird' is shown as written, in red",
        ], "\(warnings)")
    }
}
