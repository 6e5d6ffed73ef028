import Foundation
import BlogCore

/// The attributes an image's `<img>` keeps from its writer: a Markdown image's alt text and
/// title, or every attribute of a raw HTML `<img>` but its `src`, in the writer's order and
/// with the writer's text. What the writer set wins over what the image would say of itself.
package struct ImageAttributes {
    private var attributes: [HTMLImageTags.Attribute]

    /// `![alt](x.jpg "title")`: values as text, escaped here.
    package init(alt: String, title: String) {
        attributes = [.init(name: "alt", value: escapeHTML(alt))]
        if !title.isEmpty { attributes.append(.init(name: "title", value: escapeHTML(title))) }
    }

    /// A raw `<img>`'s, as written (entities kept).
    package init(written: [HTMLImageTags.Attribute]) {
        var seen = Set<String>()
        // A repeated attribute counts once, the first, as browsers read it.
        attributes = written.filter { !$0.is("src") && seen.insert($0.name.lowercased()).inserted }
    }

    package func has(_ name: String) -> Bool { attributes.contains { $0.is(name) } }

    package func value(_ name: String) -> String? { attributes.first { $0.is(name) }?.value }

    /// ` name="value"`, in the writer's order.
    package func text(except excluded: String) -> String {
        attributes.filter { !$0.is(excluded) }.map { Self.text($0.name, $0.value) }.joined()
    }

    /// A value with `"` in it (written in single quotes) keeps single quotes.
    package static func text(_ name: String, _ value: String?) -> String {
        guard let value else { return " " + name }
        return value.contains("\"") ? " \(name)='\(value)'" : " \(name)=\"\(value)\""
    }

    /// `width` and `height` of the file shown, unless the writer set one: then a number of
    /// pixels gets its partner in the image's proportions, and any other length (`50%`)
    /// none, since the image's own would stretch it.
    package func size(width: Int, height: Int) -> String {
        switch (value("width").flatMap(Self.pixels), value("height").flatMap(Self.pixels)) {
        case _ where has("width") && has("height"): return ""
        case (let set?, nil) where !has("height") && width > 0:
            return Self.text("height", String((set * height + width / 2) / width))
        case (nil, let set?) where !has("width") && height > 0:
            return Self.text("width", String((set * width + height / 2) / height))
        case _ where has("width") || has("height"): return ""
        default: return " width=\"\(width)\" height=\"\(height)\""
        }
    }

    private static func pixels(_ value: String) -> Int? {
        let digits = value.trimmingCharacters(in: .whitespaces)
        return digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? nil : Int(digits)
    }

    /// The first image of a page is fetched first, every other when it comes near the
    /// screen; a writer's own `loading` or `fetchpriority` says otherwise.
    package func loading(first: Bool) -> String {
        if first { return has("fetchpriority") || has("loading") ? "" : " fetchpriority=\"high\"" }
        return (has("loading") ? "" : " loading=\"lazy\"") + (has("decoding") ? "" : " decoding=\"async\"")
    }
}
