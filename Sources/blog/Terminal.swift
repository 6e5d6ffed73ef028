import BlogKit
import Foundation

/// Output for people: diagnostics on standard error, one per line, compiler style, with
/// `error:` in red and `warning:` in yellow when that is a terminal (and NO_COLOR is unset).
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        let colored = useColor
        for diagnostic in diagnostics { line(colored ? paint(diagnostic) : diagnostic.description, toError: true) }
    }

    static func line(_ text: String, toError: Bool = false) {
        let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((text + "\n").utf8))
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static var useColor: Bool {
        isTerminal(FileHandle.standardError.fileDescriptor) && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    private static func paint(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity.rawValue + ":"
        let color = diagnostic.isError ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return diagnostic.description.replacingOccurrences(
            of: " " + label + " ", with: " " + color + label + "\u{1B}[0m ", options: [], range: nil)
    }
}
