/// The library the command line and the preview server build on: the pipeline's stages and
/// the incremental layer over them, one module each (the README's architecture note), so
/// that the compiler keeps their order. `blog import` is `BlogImport`, apart, so that what
/// `blog serve` links holds no TOML parser.
@_exported import BlogCore
@_exported import BlogPipeline
@_exported import BlogIncremental
