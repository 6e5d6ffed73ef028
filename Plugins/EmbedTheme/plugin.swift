import Foundation
import PackagePlugin

/// Embeds `themes/default` into the BlogKit module as generated Swift source, so that the
/// `blog` binary works when copied alone to another machine (no `Bundle.module` lookup of a
/// build-machine path). Any change to a theme file re-runs the embedder.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeFolder = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "ThemeEmbedder").url,
                arguments: [themeFolder.path, output.path],
                inputFiles: themeFiles(in: themeFolder),
                outputFiles: [output]
            )
        ]
    }

    private func themeFiles(in folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url)
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
