import Yams
import BlogCore
import BlogMarkdown

/// The top-level keys of a YAML mapping with the line each stands on, so that a problem with
/// a value can be reported where the writer will find it.
package struct YAMLFields {
    package struct Field {
        package var key: String
        package var node: Node
        package var line: Int
    }

    package var fields: [Field] = []

    package subscript(key: String) -> Field? { fields.first { $0.key == key } }

    /// Parses `yaml`, whose first line is line `firstLine` of `file`.
    package static func parse(_ yaml: String, file: String, firstLine: Int) -> Result<YAMLFields, Diagnostic> {
        let node: Node?
        do {
            // The encoding given: by default Yams reads the environment for it, on every call.
            node = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, firstLine: firstLine))
        } catch {
            return .failure(.error(file, line: firstLine, "invalid YAML: \(error)"))
        }
        guard let node else { return .success(YAMLFields()) }
        guard let mapping = node.mapping else {
            return .failure(.error(
                file, line: (node.mark?.line ?? 1) + firstLine - 1,
                "expected 'key: value' lines, found \(kindName(of: node))"))
        }
        var result = YAMLFields()
        // Twice the text's size holds any document without aliases, with room for honest ones.
        var budget = 2 * yaml.utf8.count + 100_000
        for (key, value) in mapping {
            let line = (key.mark?.line ?? 1) + firstLine - 1
            guard spend(key, from: &budget), spend(value, from: &budget) else {
                return .failure(.error(
                    file, line: line,
                    "invalid YAML: its aliases (*name) expand this value far beyond the size of the text (an alias bomb); it is refused rather than read"))
            }
            result.fields.append(Field(key: key.string ?? "", node: value, line: line))
        }
        return .success(result)
    }

    /// Takes the size of `node` with its aliases expanded (values, and bytes of text) from
    /// `budget`; false once it runs out. libyaml composes an alias as the node it names,
    /// shared, so nine lists of nine aliases nine deep cost nothing to parse and billions of
    /// values to whoever walks, copies or writes them out.
    package static func spend(_ node: Node, from budget: inout Int) -> Bool {
        var pending = [node]
        while let next = pending.popLast() {
            budget -= 1
            switch next {
            case .scalar(let scalar): budget -= scalar.string.utf8.count
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let pairs): for (key, value) in pairs { pending += [key, value] }
            case .alias: break
            }
            if budget < 0 { return false }
        }
        return true
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml notices a problem where it gives up (the end of the file, for an
            // unclosed `[`); its context says where the construct that failed starts.
            guard let context else {
                return .error(file, line: mark.line + firstLine - 1, column: mark.column, "invalid YAML: \(problem)")
            }
            return .error(
                file, line: context.mark.line + firstLine - 1, column: context.mark.column,
                "invalid YAML: \(problem) \(context.text) that starts here (noticed at line \(mark.line + firstLine - 1))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                file, line: context.mark.line + firstLine - 1,
                "key '\(duplicates.joined(separator: "', '"))' appears twice")
        default:
            return .error(file, line: firstLine, "invalid YAML: \(error)")
        }
    }

    package static func kindName(of node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

extension Node {
    /// `key:` with no value, `key: ~`, `key: null` or `key: ""`.
    package var isEmptyValue: Bool {
        guard let scalar else { return false }
        return scalar.string.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(scalar.string))
    }

    /// A list of strings from either a YAML list or a comma-separated string
    /// (`tags: [a, b]` and `tags: a, b` mean the same).
    package var stringList: [String]? {
        if let sequence = self.sequence {
            let items = sequence.compactMap { $0.string }
            return items.count == sequence.count ? items.map(trimmed).filter { !$0.isEmpty } : nil
        }
        guard let text = self.scalar?.string else { return nil }
        return text.split(separator: ",").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }
}
