import ArgumentParser
import BlogKit
import Foundation

@main
struct Blog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blog",
        abstract: "A static blog generator for Markdown blogs, fast and careful.",
        version: BuildManifest.version,
        subcommands: [Init.self, New.self, Build.self, Serve.self, Check.self, Deploy.self, Import.self]
    )

    /// Exit codes: 0 success, 1 the site has errors, 2 bad usage (as ArgumentParser's own
    /// validation errors, which it would exit with 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                FileHandle.standardError.write(Data("Run 'blog --help' for usage.\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
