import Foundation
import Mustache

/// A theme ready to render: parsed Mustache templates and the files of its `assets/` folder.
public struct Theme: Sendable {
    public static let requiredTemplates = [
        "base", "post", "home", "archives", "year", "tag", "tags", "category", "categories", "page", "404",
    ]

    var library: MustacheLibrary
    /// A digest of every template and asset: pages made with another theme are other pages.
    var digest: UInt64 = 0
    /// Path under `assets/` → bytes; published at `/assets/…`.
    public var assets: [String: Data]
    /// Each template's file and text, by name: a dead link the theme makes is reported there.
    var sources: [String: TemplateSource] = [:]

    func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// The built-in theme (embedded in the binary), or the theme folder `config.theme` names,
    /// with the site's own `templates/` overriding templates by name.
    public static func load(
        site: SiteSource, fileSystem: FileSystem = LocalFileSystem(), cache: BuildCache? = nil
    ) -> (Theme?, [Diagnostic]) {
        var sources: [String: TemplateSource] = [:]
        var assets: [String: Data] = [:]
        var problems: [Diagnostic] = []
        if let folder = site.config.theme {
            let loader = SiteLoader(fileSystem: fileSystem)
            let themeRoot = folder.hasPrefix("/") ? folder : SitePath.join(site.root, folder)
            guard fileSystem.isDirectory(themeRoot) else {
                return (nil, [.error(ConfigParser.fileName, "theme folder '\(folder)' not found")])
            }
            for path in loader.allFiles(root: themeRoot, relative: "templates") where path.hasSuffix(".mustache") {
                let text = (try? fileSystem.contents(of: SitePath.join(themeRoot, path))).map { String(decoding: $0, as: UTF8.self) }
                sources[templateName(path)] = TemplateSource(path: SitePath.join(folder, path), text: text ?? "")
            }
            for path in loader.allFiles(root: themeRoot, relative: "assets") {
                assets[String(path.dropFirst("assets/".count))] = try? fileSystem.contents(of: SitePath.join(themeRoot, path))
            }
        } else {
            for (path, base64) in EmbeddedTheme.files {
                guard let data = Data(base64Encoded: base64) else { continue }
                if path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
                    sources[templateName(path)] = TemplateSource(path: "(built-in theme)/" + path, text: String(decoding: data, as: UTF8.self))
                } else if path.hasPrefix("assets/") {
                    assets[String(path.dropFirst("assets/".count))] = data
                }
            }
        }
        sources.merge(site.templateOverrides) { _, override in override }
        let digest = Digest.of { d in
            for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
                d.add(name)
                d.add(source.text)
            }
            for (path, data) in assets.sorted(by: { $0.key < $1.key }) {
                d.add(path)
                d.add(data)
            }
        }
        if let cached = cache?.theme, cached.digest == digest { return (cached, []) }
        let library = parse(sources, problems: &problems)
        for name in requiredTemplates where sources[name] == nil {
            problems.append(.error(site.config.theme ?? "templates", "the theme has no template '\(name).mustache'"))
        }
        let theme = problems.hasErrors ? nil : Theme(library: library, digest: digest, assets: assets, sources: sources)
        if problems.isEmpty { cache?.theme = theme }
        return (theme, problems)
    }

    private static func templateName(_ path: String) -> String {
        String(path.dropFirst("templates/".count).dropLast(".mustache".count))
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
