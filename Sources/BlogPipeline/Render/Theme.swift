import Foundation
import Mustache
import BlogCore
import BlogMarkdown

/// A theme ready to render: parsed Mustache templates and the files of its `assets/` folder.
public struct Theme: Sendable {
    public static let requiredTemplates = [
        "base", "post", "home", "archives", "year", "tag", "tags", "category", "categories", "page", "404",
    ]

    package var library: MustacheLibrary
    /// A digest of every template and asset: pages made with another theme are other pages.
    package var digest: UInt64 = 0
    /// Path under `assets/` → bytes; published at `/assets/…`.
    public var assets: [String: Data]
    /// Each template's file and text, by name: a dead link the theme makes is reported there.
    package var sources: [String: TemplateSource] = [:]

    /// The page rendered with `template`; its typed data becomes what swift-mustache reads
    /// only here, through `encoder`.
    package func render(_ page: PageContext, encoder: MustacheEncoder, template: String) -> String {
        library.render(encoder.convert(page), withTemplate: template) ?? ""
    }

    /// Parses the templates the load stage read (`ThemeSource`); nil with the problems when
    /// one does not parse or a required one is missing.
    /// - Parameter digest: `source.digest`, when the caller has it already.
    public static func load(_ source: ThemeSource, digest: UInt64? = nil) -> (Theme?, [Diagnostic]) {
        let (sources, assets) = (source.templates, source.assets)
        var problems: [Diagnostic] = []
        let library = parse(sources, problems: &problems)
        for name in requiredTemplates where sources[name] == nil {
            problems.append(.error(source.name, "the theme has no template '\(name).mustache'"))
        }
        let theme = problems.hasErrors ? nil : Theme(library: library, digest: digest ?? source.digest, assets: assets, sources: sources)
        return (theme, problems)
    }

    private static func parse(_ sources: [String: TemplateSource], problems: inout [Diagnostic]) -> MustacheLibrary {
        HTMLEscaping.registered
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                // A line of its own, which Mustache drops (a standalone tag): one line above the writer's.
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = max(1, error.context.lineNumber - 1)
                problems.append(.error(source.path, line: line, "template error: \(describe(error.error))"))
            } catch {
                problems.append(.error(source.path, "template error: \(error)"))
            }
            problems += missingReferences(in: source, known: sources)
        }
        return library
    }

    /// swift-mustache renders a missing partial or parent as nothing; a writer would rather
    /// hear about the typo.
    private static func missingReferences(in source: TemplateSource, known: [String: TemplateSource]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (number, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let sigil = rest.first, sigil == ">" || sigil == "<" else { continue }
                let name = trimmed(String(rest.dropFirst().prefix { $0 != "}" }))
                if !name.isEmpty, !name.hasPrefix("*"), known[name] == nil {
                    problems.append(.error(source.path, line: number + 1, "template '\(name)' not found (used as a \(sigil == ">" ? "partial" : "parent"))"))
                }
            }
        }
        return problems
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks may stand inside a parent section"
        case .textInsideInheritSection: return "only blocks may stand inside a parent section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "invalid pragma"
        case nil: return "\(error)"
        }
    }
}
