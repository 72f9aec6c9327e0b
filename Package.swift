// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Galley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "galley", targets: ["galley"]),
        .library(name: "GalleyExport", targets: ["GalleyExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C libraries from Debian, reached through module maps.
        .systemLibrary(name: "CCairoPango", path: "Sources/CCairoPango", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .systemLibrary(name: "CHyphen", path: "Sources/CHyphen", providers: [.apt(["libhyphen-dev"])]),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CRsvg", path: "Sources/CRsvg", pkgConfig: "librsvg-2.0", providers: [.apt(["librsvg2-dev"])]),

        // The pipeline, one target per stage; data flows only forward.
        .target(name: "GalleyModel"),
        .target(name: "GalleyDiagnostics", dependencies: ["Yams"]),
        .target(name: "GalleyIngest", dependencies: ["GalleyModel", "GalleyDiagnostics", "Yams", "CCmarkGFM", "CLibXML2"]),
        .target(name: "GalleyStyle", dependencies: ["GalleyDiagnostics", "Yams"]),
        .target(name: "GalleyLayout", dependencies: ["GalleyModel", "GalleyStyle"]),
        .target(name: "GalleyPango", dependencies: ["GalleyLayout", "CCairoPango", "CHyphen"]),
        .target(name: "CDeflateLevel", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "GalleyRender", dependencies: ["GalleyLayout", "CCairoPango", "CRsvg", "CDeflateLevel"]),
        .target(name: "GalleyExport", dependencies: [
            "GalleyModel", "GalleyIngest", "GalleyStyle", "GalleyLayout", "GalleyPango", "GalleyRender",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .executableTarget(name: "galley", dependencies: [
            "GalleyExport", "GalleyDiagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "GalleyUnitTests", dependencies: [
            "GalleyModel", "GalleyIngest", "GalleyStyle", "GalleyLayout", "GalleyPango", "GalleyExport",
        ]),
        .testTarget(name: "GalleyIngestTests", dependencies: ["GalleyIngest", "GalleyModel", "GalleyDiagnostics"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "GalleyEndToEndTests", dependencies: ["GalleyExport", "GalleyModel", "GalleyStyle", "GalleyRender"], exclude: ["Fixtures", "Goldens"]),
        .testTarget(name: "GalleyExportTests", dependencies: ["GalleyExport", "GalleyModel", "GalleyStyle"]),
    ],
    swiftLanguageModes: [.v6]
)
