import Foundation
import BlogCore
import BlogMarkdown

/// A theme's files as read: templates by name and assets by path, the site's own
/// `templates/` already put over the theme's. Parsing them is the render stage's (`Theme`).
public struct ThemeSource: Sendable {
    public var templates: [String: TemplateSource] = [:]
    /// Path under `assets/` → bytes; published at `/assets/…`.
    public var assets: [String: Data] = [:]
    /// Where a missing template is reported: the theme folder, or the site's `templates`.
    public var name = "templates"

    /// A digest of every template and asset: pages made with another theme are other pages,
    /// and a theme with the same digest need not be parsed again.
    public var digest: UInt64 {
        Digest.of { d in
            for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
                d.add(name)
                d.add(source.text)
            }
            for (path, data) in assets.sorted(by: { $0.key < $1.key }) {
                d.add(path)
                d.add(data)
            }
        }
    }

    package init(templates: [String: TemplateSource] = [:], assets: [String: Data] = [:], name: String = "") {
        self.templates = templates
        self.assets = assets
        self.name = name
    }
}

/// Reads the theme a site names (a folder, or the one built into the binary): part of the
/// load stage, so that every file a build reads is read in one place, and a file that cannot
/// be read is an error rather than an empty template.
package struct ThemeLoader {
    package let fileSystem: FileSystem
    package let loader: SiteLoader

    package func load(config: Config, root: String, overrides: [String: TemplateSource]) -> (ThemeSource?, [Diagnostic]) {
        var theme = ThemeSource()
        var problems: [Diagnostic] = []
        if let folder = config.theme {
            theme.name = folder
            let themeRoot = folder.hasPrefix("/") ? folder : SitePath.join(root, folder)
            guard fileSystem.isDirectory(themeRoot) else {
                return (nil, [.error(ConfigParser.fileName, "theme folder '\(folder)' not found")])
            }
            for path in loader.allFiles(root: themeRoot, relative: "templates", problems: &problems) where path.hasSuffix(".mustache") {
                let shown = SitePath.join(folder, path)
                guard let data = try? fileSystem.contents(of: SitePath.join(themeRoot, path)),
                    let text = String(validatingUTF8Data: data)
                else {
                    problems.append(.error(shown, "cannot read this template as UTF-8 text"))
                    continue
                }
                theme.templates[Self.templateName(path)] = TemplateSource(path: shown, text: text)
            }
            for path in loader.allFiles(root: themeRoot, relative: "assets", problems: &problems) {
                guard let data = try? fileSystem.contents(of: SitePath.join(themeRoot, path)) else {
                    problems.append(.error(SitePath.join(folder, path), "cannot read this file of the theme"))
                    continue
                }
                theme.assets[String(path.dropFirst("assets/".count))] = data
            }
        } else {
            for (path, base64) in EmbeddedTheme.files {
                guard let data = Data(base64Encoded: base64) else { continue }
                if path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
                    theme.templates[Self.templateName(path)] = TemplateSource(
                        path: "(built-in theme)/" + path, text: String(decoding: data, as: UTF8.self))
                } else if path.hasPrefix("assets/") {
                    theme.assets[String(path.dropFirst("assets/".count))] = data
                }
            }
        }
        theme.templates.merge(overrides) { _, override in override }
        return (theme, problems)
    }

    package static func templateName(_ path: String) -> String {
        String(path.dropFirst("templates/".count).dropLast(".mustache".count))
    }
}
