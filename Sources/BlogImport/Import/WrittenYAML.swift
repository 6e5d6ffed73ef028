import Yams
import BlogCore

/// YAML as `blog import` writes it (`blog.yaml`, front matter): every value as the writer
/// wrote it, in their own script (`title: 中文标题`, `title: 🚀 Launch`), quoted only where
/// YAML would read it otherwise, and never folded over lines.
///
/// libyaml's emitter escapes every non-ASCII character unless told `allowUnicode`, and even
/// then every character above U+FFFF (emoji, rarer CJK), which it does not count printable
/// although YAML does and its reader takes them. So those characters stand in for a
/// moment as private-use ones, which the emitter treats as any letter, and are put back in
/// its output: the quoting is the emitter's own, decided as for any other letter.
enum WrittenYAML {
    static func text(_ node: Node) throws -> String {
        var astral: Set<Unicode.Scalar> = []
        var used: Set<Unicode.Scalar> = []
        visitScalars(node) { text in
            for scalar in text.unicodeScalars {
                if scalar.value > 0xFFFF { astral.insert(scalar) }
                if privateUse.contains(scalar.value) { used.insert(scalar) }
            }
        }
        var standIns: [Unicode.Scalar: Unicode.Scalar] = [:]
        var free = privateUse.lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }.makeIterator()
        for scalar in astral.sorted(by: { $0.value < $1.value }) {
            guard let standIn = free.next() else { break }  // more than 6,400 of them: escaped instead
            standIns[scalar] = standIn
        }
        let emitted = try Yams.serialize(node: replacing(node, standIns), width: -1, allowUnicode: true)
        guard !standIns.isEmpty else { return emitted }
        let back = Dictionary(uniqueKeysWithValues: standIns.map { ($0.value, $0.key) })
        var out = String.UnicodeScalarView()
        for scalar in emitted.unicodeScalars { out.append(back[scalar] ?? scalar) }
        return String(out)
    }

    /// The Private Use Area of the Basic Multilingual Plane.
    private static let privateUse: ClosedRange<UInt32> = 0xE000...0xF8FF

    private static func visitScalars(_ node: Node, _ visit: (String) -> Void) {
        switch node {
        case .scalar(let scalar): visit(scalar.string)
        case .mapping(let mapping):
            for (key, value) in mapping {
                visitScalars(key, visit)
                visitScalars(value, visit)
            }
        case .sequence(let sequence): for item in sequence { visitScalars(item, visit) }
        case .alias: break
        }
    }

    private static func replacing(_ node: Node, _ standIns: [Unicode.Scalar: Unicode.Scalar]) -> Node {
        guard !standIns.isEmpty else { return node }
        switch node {
        case .scalar(var scalar):
            var view = String.UnicodeScalarView()
            for c in scalar.string.unicodeScalars { view.append(standIns[c] ?? c) }
            let tag = scalar.tag  // setting the text makes the tag implicit
            scalar.string = String(view)
            scalar.tag = tag
            return .scalar(scalar)
        case .mapping(var mapping):
            let pairs = mapping.map { (replacing($0.key, standIns), replacing($0.value, standIns)) }
            mapping = Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark, mapping.anchor)
            return .mapping(mapping)
        case .sequence(var sequence):
            sequence = Node.Sequence(sequence.map { replacing($0, standIns) }, sequence.tag, sequence.style, sequence.mark, sequence.anchor)
            return .sequence(sequence)
        case .alias: return node
        }
    }
}
