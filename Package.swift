// swift-tools-version: 6.0
import PackageDescription

/// Where libxml2's headers are (its pkg-config `--cflags`); see CLibXML2 below for why pkg-config is not named.
let libxml2Headers = ["/usr/include/libxml2"]

let package = Package(
    name: "Galley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .library(name: "GalleyExport", targets: ["GalleyExport"]),
    ],
    dependencies: [
        // 1.6: completion closures that see the word being completed (the --layout names).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // C libraries from Debian, reached through module maps.
        .systemLibrary(name: "CCairoPango", path: "Sources/CCairoPango", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CHyphen", path: "Sources/CHyphen", providers: [.apt(["libhyphen-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // libxml2's headers only: the library is opened on first use by CLibXML2Loader, which defines the functions
        // Galley calls. pkg-config would link it again, so its header folder is given below (libxml2Headers).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CLibXML2Loader", dependencies: ["CLibraryLoader"], cSettings: [.unsafeFlags(libxml2Headers.map { "-I" + $0 })]),
        // librsvg, opened on first use like qpdf: only an article with an SVG needs it.
        .target(name: "CRsvg", dependencies: ["CLibraryLoader"]),
        // libqpdf's C API, opened on first use: only a PDF the native reader cannot read needs it (docs/architecture-notes.md).
        .target(name: "CQPDF", dependencies: ["CLibraryLoader"]),
        // harfbuzz's headers through Pango's pkg-config flags; libharfbuzz-subset is opened on first use.
        .target(name: "CFontSubset", dependencies: ["CLibraryLoader", "CCairoPango"]),
        // Library calls Galley answers itself: Pango 1.50's fontconfig threads run on the caller's thread, and the
        // cairo faces Pango makes from fontconfig patterns draw with faces Galley opened (Sources/CFontHooks).
        .target(name: "CFontHooks", dependencies: ["CCairoPango"]),
        // cairo prints each glyph number of a PDF with one snprintf call; Galley prints the simple ones (Sources/CFormatHooks).
        .target(name: "CFormatHooks"),
        // Opens a shared library the first time Galley calls it, not at every start (qpdf, librsvg).
        .target(name: "CLibraryLoader"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", path: "Sources/CLibDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),

        // The pipeline, one target per stage; data flows only forward.
        .target(name: "GalleyModel"),
        // Reading only regular files of bounded size, writing atomically without replacing devices, file errors as
        // sentences, and the limits every input is held to: the ground every stage that touches a file stands on.
        .target(name: "GalleyFiles"),
        .target(name: "GalleyDiagnostics", dependencies: ["Yams", "GalleyFiles"]),
        .target(name: "GalleyIngest", dependencies: ["GalleyModel", "GalleyDiagnostics", "GalleyFiles", "Yams", "CCmarkGFM", "CLibXML2", "CLibXML2Loader"]),
        .target(name: "GalleyStyle", dependencies: ["GalleyModel", "GalleyDiagnostics", "GalleyFiles", "Yams", .product(name: "Crypto", package: "swift-crypto")]),
        // Release builds of the typesetter skip Swift's run-time exclusivity checks: its inner loops read fields of
        // shared glyph-run storage millions of times per export, each read a check (10 % of its instructions, measured
        // with callgrind); debug builds, and so the test suite, keep every check.
        .target(name: "GalleyLayout", dependencies: ["GalleyModel", "GalleyStyle"],
                swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        // ICU's line breaking (UAX #14 with dictionaries for Thai, Lao, Khmer, Myanmar) behind plain C names.
        .target(name: "CLineBreak", dependencies: ["CLibraryLoader"]),
        // The font files Galley may use, and the FreeType faces every other stage draws and shapes with.
        .target(name: "GalleyFonts", dependencies: ["CCairoPango", "CFontHooks", "GalleyFiles", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "GalleyPango", dependencies: ["GalleyLayout", "GalleyFonts", "GalleyFiles", "GalleyModel", "GalleyStyle", "CCairoPango", "CHyphen", "CLineBreak"]),
        .target(name: "CDeflateLevel", linkerSettings: [.linkedLibrary("z")]),
        // Downsamples PNGs and JPEGs a row at a time through libpng and libjpeg, whose errors longjmp (C only).
        .target(name: "CImageScale", linkerSettings: [.linkedLibrary("png16"), .linkedLibrary("jpeg")]),
        // The final pass over cairo's PDF: structure tree, artifacts, XMP and the PDF/UA and PDF/A requirements, with qpdf.
        .target(name: "GalleyPDF", dependencies: ["GalleyLayout", "GalleyStyle", "GalleyFiles", "CQPDF", "CFontSubset", "CZlib", "CLibDeflate", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "GalleyRender", dependencies: ["GalleyLayout", "GalleyPDF", "GalleyFonts", "GalleyFiles", "CCairoPango", "CRsvg", "CDeflateLevel", "CImageScale", "CFormatHooks"]),
        // CLD2 (Debian's libcld2) is C++; this target wraps it in one extern "C" function Swift can call. SwiftPM
        // links the C++ runtime itself for a target with C++ sources, so only cld2 is named.
        .target(name: "CLanguageDetector", linkerSettings: [.linkedLibrary("cld2")]),
        // Finds the language of text whose source did not say, and marks blocks written in another one.
        .target(name: "GalleyLanguage", dependencies: ["GalleyModel", "CLanguageDetector"]),
        // prctl is variadic, so Swift cannot call it: one C function lets an export's workers die with their parent.
        .target(name: "CProcessControl"),
        // Remote figure images (allowed hosts, size and time limits, mirrors, a disk cache shared by processes), with
        // no knowledge of articles or layout, so that the export pipeline and the HTTP service can both use it. The
        // HTTP download itself (SwiftNIO, TLS) is in GalleyFetchHTTP, which only galley-net links: GalleyFetch declares
        // the switch a program installs its downloader through (ImageDownloaders), and galley's asks galley-net.
        .target(name: "GalleyFetch", dependencies: ["GalleyFiles", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "GalleyFetchHTTP", dependencies: [
            "GalleyFetch", "GalleyFiles", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .target(name: "GalleyExport", dependencies: [
            "GalleyModel", "GalleyFetch", "GalleyIngest", "GalleyLanguage", "GalleyStyle", "GalleyLayout", "GalleyFonts", "GalleyPango", "GalleyRender", "GalleyPDF",
            "GalleyFiles", "CProcessControl", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // `galley serve`: the HTTP service that renders posted articles and a site's posts on demand.
        .target(name: "GalleyServe", dependencies: [
            "GalleyExport", "GalleyWordPress", "GalleyDiagnostics", "GalleyFiles", "GalleyStyle",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        // A small WordPress REST client (posts with _embed, the media library) over async-http-client; it knows nothing
        // of typesetting, so `galley publish` and the render service share it.
        .target(name: "GalleyWordPress", dependencies: [
            "GalleyFiles",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ]),
        // Exports only what the shared libraries need. The static Swift runtime's link arguments export every symbol of
        // the executable (43,000), and the dynamic loader then checked each of the libraries' 7,500 symbol lookups
        // against that table first, and `dladdr` scanned it: 3 to 5 ms of a cold `galley render` (docs/architecture-notes.md).
        .executableTarget(name: "galley", dependencies: [
            "GalleyCommandLine", "GalleyExport", "GalleyFetch", "GalleyDiagnostics", "GalleyFiles", "GalleyFonts", "GalleyLayout", "GalleyPDF",
            "GalleyRender", "GalleyStyle", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]),
        // `galley serve`, `galley publish` and remote image downloads: everything that speaks HTTP, in an executable of
        // its own, so that `galley` is linked without SwiftNIO, TLS, Hummingbird and their 2,700 conformance records,
        // which every first use of a generic type in a typesetting command scanned (docs/architecture-notes.md).
        .executableTarget(name: "galley-net", dependencies: [
            "GalleyCommandLine", "GalleyExport", "GalleyServe", "GalleyFetch", "GalleyFetchHTTP", "GalleyWordPress", "GalleyFiles", "GalleyStyle",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
        ], linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"])]),
        // The options, reporting and resource lookup both executables' commands share.
        .target(name: "GalleyCommandLine", dependencies: [
            "GalleyExport", "GalleyFetch", "GalleyDiagnostics", "GalleyFiles", "GalleyFonts", "GalleyLayout", "GalleyStyle",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fuzzing targets for every reader and the layout (scripts/fuzz.sh builds them for libFuzzer).
        .target(name: "GalleyFuzzing", dependencies: ["GalleyExport", "GalleyIngest", "GalleyStyle", "GalleyDiagnostics", "GalleyFiles"]),
        .executableTarget(name: "galley-fuzz", dependencies: ["GalleyFuzzing"]),
        .testTarget(name: "GalleyUnitTests", dependencies: [
            "GalleyModel", "GalleyIngest", "GalleyStyle", "GalleyLayout", "GalleyPango", "GalleyExport", "GalleyFonts", "CCairoPango",
        ]),
        .testTarget(name: "GalleyIngestTests", dependencies: ["GalleyIngest", "GalleyModel", "GalleyDiagnostics", "GalleyFiles", "GalleyTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GalleyEndToEndTests", dependencies: ["GalleyExport", "GalleyModel", "GalleyStyle", "GalleyRender", "GalleyFiles",
                                                               "GalleyTestSupport"], exclude: ["Fixtures", "Goldens"]),
        // Starting a `galley serve` for a test and asking it over HTTP, shared by the service's and WordPress's tests.
        .target(name: "GalleyTestSupport", path: "Tests/GalleyTestSupport"),
        .testTarget(name: "GalleyServeTests", dependencies: ["GalleyServe", "GalleyExport", "GalleyTestSupport"]),
        .testTarget(name: "GalleyLanguageTests", dependencies: ["GalleyLanguage", "GalleyModel"]),
        // Remote images against a real HTTP server on loopback, in the test process.
        .testTarget(name: "GalleyFetchTests", dependencies: [
            "GalleyFetch", "GalleyFetchHTTP", "GalleyExport", "GalleyModel", "GalleyFiles", "GalleyTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        // Runs against the real WordPress that scripts/wordpress-test-site.sh starts; skipped when it is not running,
        // unless GALLEY_REQUIRE_WORDPRESS=1 says it must be.
        .testTarget(name: "GalleyWordPressTests", dependencies: [
            "GalleyWordPress", "GalleyExport", "GalleyTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ]),
        // Finishes PDFs that cairo draws in the test process and reads them back with pikepdf, qpdf and poppler.
        .testTarget(name: "GalleyPDFTests", dependencies: ["GalleyPDF", "GalleyLayout", "CCairoPango", "CDeflateLevel", "CFormatHooks", "GalleyTestSupport",
                                                         .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "GalleyExportTests", dependencies: ["GalleyExport", "GalleyModel", "GalleyStyle", "GalleyFiles", "GalleyFuzzing",
                                                            "GalleyTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds reach concrete generic type metadata through accessor functions, not mangled names. A mangled name
// is decoded by the runtime on first use, and for a type such as `Dictionary<FontKey, Face>` that means checking
// `FontKey: Hashable` by scanning every protocol conformance record of the executable (about 10,650); the accessor is
// handed the conformance the compiler already knows. A cold `galley render` ran 10 % fewer instructions
// (docs/architecture-notes.md). Only Galley's own targets: flags cannot reach dependencies from here.
//
// Every Galley target also gets libxml2's header folder: a module that imports one that imports CLibXML2 reads its
// headers too.
for target in package.targets where target.type != .system && target.name.lowercased().hasPrefix("galley") {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
        .unsafeFlags(libxml2Headers.flatMap { ["-Xcc", "-I" + $0] }),
    ]
}
