import Foundation
import BlogCore

/// Decodes an image once per width and encodes each width in every format, on every core.
enum VariantMaker {
    /// One encoded file; `data` nil stands for the source file, published as it is.
    struct Made: Sendable {
        var format: ImageFormat
        var width: Int
        var height: Int
        var data: Data?
        var isOriginal: Bool
        /// In a `srcset` (the original's own file is not when it is wider than every width).
        var listed = true
    }

    static func make(_ data: Data, header: ImageHeader, settings: ImageSettings) -> Result<[Made], ImageProblem> {
        let widths = VariantPlan.widths(full: header.width, settings: settings)
        let extras = VariantPlan.extraFormats(header, settings: settings)
        let remake = VariantPlan.remakesOriginal(header, settings: settings)
        // The source at its own width, when it is published as it is.
        let source = Made(
            format: header.format, width: header.width, height: header.height, data: nil, isOriginal: true,
            listed: header.animated || widths.contains(header.width))
        if header.animated {
            let made = extras.isEmpty ? [] : widths.parallelMap { width in
                encoded(data, width: width, animated: true, settings: settings, listed: widths) { _ in extras.map { ($0, false) } }
            }
            return collect(made).map { [source] + $0 }
        }
        let decodeWidths = Array(Set(widths + (remake ? [header.width] : []))).sorted()
        let fallback = header.format.fallback
        let made = decodeWidths.parallelMap { width in
            encoded(data, width: width, animated: false, settings: settings, listed: widths) { decodedWidth in
                var jobs: [(ImageFormat, Bool)] = widths.contains(width) ? extras.map { ($0, false) } : []
                if width == header.width || decodedWidth == header.width {
                    if remake { jobs.append((fallback, true)) }
                } else {
                    jobs.append((fallback, false))
                }
                return jobs
            }
        }
        return collect(made).map { remake ? $0 : [source] + $0 }
    }

    /// Decodes at `width`, then encodes the formats `jobs` names for the width decoded (the
    /// original's own file at a higher quality), at once.
    private static func encoded(
        _ data: Data, width: Int, animated: Bool, settings: ImageSettings, listed: [Int], jobs: (Int) -> [(ImageFormat, Bool)]
    ) -> Result<[Made], ImageProblem> {
        let image: VipsImageRef
        switch ImageEncoder.decode(data, width: width, animated: animated, keepMetadata: settings.keepMetadata) {
        case .success(let decoded): image = decoded
        case .failure(let problem): return .failure(problem)
        }
        let (w, h) = (image.width, image.pageHeight)
        let results = jobs(w).parallelMap { format, isOriginal -> Result<Made, ImageProblem> in
            let quality = isOriginal && format != .avif ? max(settings.quality, 90) : settings.quality
            return ImageEncoder.encode(image, as: format, quality: quality).map {
                Made(format: format, width: w, height: h, data: $0, isOriginal: isOriginal, listed: listed.contains(w))
            }
        }
        return collect(results.map { $0.map { [$0] } })
    }

    private static func collect(_ results: [Result<[Made], ImageProblem>]) -> Result<[Made], ImageProblem> {
        var all: [Made] = []
        for result in results {
            switch result {
            case .success(let made): all += made
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(all)
    }
}
