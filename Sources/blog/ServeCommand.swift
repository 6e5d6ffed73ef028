import ArgumentParser
import BlogKit
import BlogServer
import Foundation
import Hummingbird
import Logging

extension Blog {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site, serve it for preview, and rebuild and reload on every save.",
            discussion: """
                The site is built into the same output folder as 'blog build'. Every change \
                to a post, an image, blog.yaml, a template or the theme rebuilds it, and open \
                tabs reload; a failed build shows its errors in the tab and keeps serving the \
                last good build.

                Examples:
                  blog serve                       preview the site in this folder on port 4000
                  blog serve -s site --port 8000   another folder and port
                  blog serve --drafts              include drafts and future posts
                """
        )

        @OptionGroup var site: SiteOptions

        @Option(help: "The address to listen on; loopback unless you say otherwise.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port).")
        var port = 4000

        @Flag(name: .shortAndLong, help: "Print the time each stage of each rebuild took.")
        var verbose = false

        func run() async throws {
            let output = site.outputPath
            if let refusal = SiteWriter.refusal(output: output, source: site.source) {
                Terminal.report([refusal])
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let source = URL(fileURLWithPath: site.source).standardizedFileURL.path
            let config = ConfigParser.parse((try? String(contentsOfFile: source + "/blog.yaml", encoding: .utf8)) ?? "").0
            let liveReload = LiveReload()
            let rebuilder = SiteRebuilder(
                options: BuildOptions(source: source, includeDrafts: site.drafts, excluded: output),
                output: output, liveReload: liveReload,
                log: { line, isError in Terminal.line(line, toError: isError) })
            let responder = PreviewResponder(
                lookup: OutputLookup(root: output, basePath: config.basePath), liveReload: liveReload)
            var logger = Logger(label: "blog.serve")
            logger.logLevel = .warning
            let watchRoots = [source] + (config.theme.map { [$0.hasPrefix("/") ? $0 : source + "/" + $0] } ?? [])
            let host = self.host
            let app = Application(
                responder: responder,
                configuration: .init(address: .hostname(host, port: port), serverName: "blog"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    let displayHost = host.contains(":") ? "[\(host)]" : host
                    await rebuilder.setOrigin("http://\(displayHost):\(port)")
                    await rebuilder.setBasePath(config.basePath)
                    await rebuilder.setVerbose(verbose)
                    let first = await rebuilder.buildOnce()
                    Terminal.line("Serving \(source) at http://\(displayHost):\(port)\(config.basePath) (Ctrl-C to stop)")
                    if !first.succeeded { Terminal.line("The site has errors; fix them and save: the page will reload.", toError: true) }
                    let watcher = FileWatcher(roots: watchRoots, ignoring: [URL(fileURLWithPath: output).standardizedFileURL.path]) { paths in
                        Task { await rebuilder.rebuild(changed: paths) }
                    }
                    do { try watcher.start() } catch { Terminal.line("warning: \(error); rebuild by restarting", toError: true) }
                    Watchers.keep(watcher)
                },
                logger: logger
            )
            Signals.stopOnInterrupt { await liveReload.closeAll() }
            try await app.run()
        }
    }
}

/// Keeps the watcher alive as long as the process.
enum Watchers {
    nonisolated(unsafe) static var all: [FileWatcher] = []
    static func keep(_ watcher: FileWatcher) { all.append(watcher) }
}

/// Ctrl-C and SIGTERM: close the live-reload streams (which would otherwise hold the server
/// open), say so, and exit. Output files are always whole (temp-and-rename), so stopping
/// mid-build loses nothing.
enum Signals {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func stopOnInterrupt(_ cleanup: @escaping @Sendable () async -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler {
                Task {
                    await cleanup()
                    Terminal.line("Stopped.")
                    exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
