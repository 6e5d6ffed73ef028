/// Where a problem is: a file relative to the site folder, and a 1-based line when known.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?

    public init(file: String, line: Int? = nil) {
        self.file = file
        self.line = line
    }
}

/// One problem found in a build, printed the way compilers print them
/// (`posts/a.md:3: error: …`) so that editors can jump to it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ file: String, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, SourceLocation(file: file, line: line), message)
    }

    public static func warning(_ file: String, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, SourceLocation(file: file, line: line), message)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        let place = location.line.map { "\(location.file):\($0)" } ?? location.file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains(where: \.isError) }

    /// Sorted by file, then line, so that output is stable whatever order threads finished in.
    public var sortedByLocation: [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line ?? 0, $0.message)
                < ($1.location.file, $1.location.line ?? 0, $1.message)
        }
    }
}
