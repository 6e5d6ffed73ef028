import BlogCore
import BlogMarkdown

/// A bar chart drawn as inline SVG at build time: no JavaScript, colours from the page's
/// `currentColor` (so it follows light and dark mode), and the numbers spelled out in a
/// `<title>` and `aria-label` so that a screen reader and a text browser get the same facts.
package struct BarChart {
    package struct Bar {
        package var label: String
        package var value: Int
        /// Spoken and shown on hover: "Mar: 3 posts".
        package var description: String
        package var link: String?
    }

    package var bars: [Bar]
    /// The sentence before the numbers: "Posts per month in 2016".
    package var title: String
    package var cssClass: String

    package static let width = 600
    package static let height = 180
    package static let labelHeight = 22
    package static let valueHeight = 16

    package func svg() -> String {
        let summary = title + ": " + bars.map(\.description).joined(separator: ", ")
        let top = bars.map(\.value).max() ?? 0
        let slot = Double(Self.width) / Double(max(bars.count, 1))
        let barWidth = max(4, slot * 0.62)
        let plotHeight = Double(Self.height - Self.labelHeight - Self.valueHeight)
        var svg = """
            <svg class="chart \(cssClass)" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.width) \(Self.height)" \
            width="\(Self.width)" height="\(Self.height)" role="\(bars.contains { $0.link != nil } ? "group" : "img")" \
            aria-label="\(escapeHTML(summary))">\
            <title>\(escapeHTML(summary))</title>
            """
        svg += "<line class=\"chart-axis\" x1=\"0\" x2=\"\(Self.width)\" y1=\"\(Self.height - Self.labelHeight)\" y2=\"\(Self.height - Self.labelHeight)\" stroke=\"currentColor\" stroke-opacity=\"0.3\"/>"
        for (i, bar) in bars.enumerated() {
            let h = top == 0 ? 0 : plotHeight * Double(bar.value) / Double(top)
            let x = slot * Double(i) + (slot - barWidth) / 2
            let y = Double(Self.height - Self.labelHeight) - h
            var item = "<g class=\"chart-bar\"><title>\(escapeHTML(bar.description))</title>"
            item += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(h))\" rx=\"2\" fill=\"currentColor\"/>"
            let center = format(slot * Double(i) + slot / 2)
            if bar.value > 0 {
                item += "<text class=\"chart-value\" x=\"\(center)\" y=\"\(format(y - 4))\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">\(bar.value)</text>"
            }
            item += "<text class=\"chart-label\" x=\"\(center)\" y=\"\(Self.height - 6)\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">\(escapeHTML(bar.label))</text></g>"
            if let link = bar.link {
                item = "<a href=\"\(escapeHTML(link))\" aria-label=\"\(escapeHTML(bar.description))\">\(item)</a>"
            }
            svg += item
        }
        return svg + "</svg>"
    }

    /// One decimal at most, with a dot whatever the locale: same input, same bytes.
    private func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
