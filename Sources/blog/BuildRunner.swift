import BlogKit
import Foundation

/// `blog build` as a step that `blog deploy` takes too: check the output folder, skip the
/// build when nothing changed, build, write, record, report.
enum BuildRunner {
    /// True when the output folder holds the finished site.
    static func run(_ site: SiteOptions, verbose: Bool) throws -> Bool {
        let started = DispatchTime.now().uptimeNanoseconds
        let output = URL(fileURLWithPath: site.outputPath).standardizedFileURL.path
        if let refusal = SiteWriter.refusal(output: output, source: site.source) {
            Terminal.report([refusal])
            return false
        }
        let source = URL(fileURLWithPath: site.source).standardizedFileURL.path
        let theme = ConfigParser.parse((try? String(contentsOfFile: source + "/blog.yaml", encoding: .utf8)) ?? "").0.theme
        // Both folders are scanned at once: on a large site the check is a few thousand stats.
        nonisolated(unsafe) var inputs: [String: BuildManifest.Stamp] = [:]
        nonisolated(unsafe) var outputs: [String: BuildManifest.Stamp] = [:]
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { inputs = BuildManifest.inputs(source: source, output: output, theme: theme) }
            else { outputs = BuildManifest.outputs(output) }
        }
        // Earlier versions kept their record in the output, where rsync published it.
        unlink(output + "/.blog-manifest.json")
        let previous = BuildManifest.read(source: source, output: output).flatMap { $0.tool == BuildManifest.tool ? $0 : nil }
        if let previous,
            previous.includeDrafts == site.drafts, previous.nextDue.map({ Int64(Date().timeIntervalSince1970) < $0 }) ?? true,
            previous.inputs == inputs, previous.outputs == outputs
        {
            for warning in previous.warnings { Terminal.line(warning, toError: true) }
            Terminal.line("Nothing changed in \(seconds(since: started)) s: \(previous.outputs.count) files up to date → \(output)")
            return true
        }
        let options = BuildOptions(source: site.source, includeDrafts: site.drafts, excluded: output)
        let result = Progress.during { SiteBuilder.build(options) }
        Terminal.report(result.diagnostics)
        guard result.succeeded else {
            let count = result.diagnostics.filter(\.isError).count
            Terminal.line("build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was left as it was", toError: true)
            return false
        }
        let report: SiteWriter.Report
        var clock = StageClock()
        var timings = result.timings
        do {
            try SiteState.beginWriting(source: source, output: output)
        } catch {
            // A read-only site folder still builds; only the record of builds is missing.
            Terminal.line("\(SiteState.folder(source: source)): warning: cannot keep the build's record there (\(error.localizedDescription)); the next build compares every file", toError: true)
        }
        do {
            let recorded = previous?.trustedCopies(outputsNow: outputs) ?? [:]
            report = try SiteWriter(output: output).write(result.files, recorded: recorded)
            timings.append(("write", clock.lap()))
        } catch let failure as WriteFailure {
            if failure.intact { SiteState.endWriting(source: source) }
            Terminal.line("\(failure)", toError: true)
            return false
        } catch {
            Terminal.line("\(output): error: cannot write: \(error)", toError: true)
            return false
        }
        var manifest = BuildManifest(
            tool: BuildManifest.tool, includeDrafts: site.drafts, inputs: inputs,
            outputs: report.stamps ?? BuildManifest.outputs(output), nextDue: result.nextDue,
            warnings: result.diagnostics.map(\.description))
        manifest.output = output
        for file in result.files {
            if case .copy = file.content, let key = file.key { manifest.copies[file.path] = key }
        }
        // Without a record the next build compares every file: slower, never wrong.
        try? manifest.write(source: source)
        SiteState.endWriting(source: source)
        timings.append(("manifest", clock.lap()))
        if verbose {
            for (stage, seconds) in timings {
                let name = stage.padding(toLength: max(18, stage.count), withPad: " ", startingAt: 0)
                Terminal.line("  " + name + String(format: " %8.1f ms", seconds * 1000))
            }
        }
        Terminal.line(
            "Built \(result.postCount) posts, \(result.pageCount) pages, \(result.imageCount) images "
                + "in \(seconds(since: started)) s: \(report.written) files written, "
                + "\(report.unchanged) unchanged, \(report.removed) removed → \(output)")
        return true
    }

    private static func seconds(since started: UInt64) -> String {
        String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}

/// A line on the terminal that says a long build is under way (after a second, and only
/// when standard error is a terminal), erased when it ends.
enum Progress {
    static func during<T>(_ work: () -> T) -> T {
        guard Terminal.isTerminal(FileHandle.standardError.fileDescriptor) else { return work() }
        let started = Date()
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler {
            let elapsed = Date().timeIntervalSince(started)
            FileHandle.standardError.write(Data(String(format: "\rBuilding… %.1f s", elapsed).utf8))
        }
        timer.resume()
        let result = work()
        timer.cancel()
        if Date().timeIntervalSince(started) >= 1 {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
        return result
    }
}
