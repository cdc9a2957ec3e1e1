// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Habitat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "habitat", targets: ["habitat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(name: "HabitatCore"),
        .target(name: "CHabitatSys"),
        .target(name: "CMarkdownArena"),
        .target(name: "HabitatMarkdown", dependencies: ["CCmarkGFM", "CMarkdownArena", "HabitatCore"]),
        .target(name: "HabitatContent", dependencies: ["HabitatCore", "HabitatMarkdown", "Yams"]),
        .target(name: "HabitatRules", dependencies: ["HabitatCore"]),
        .target(name: "HabitatTemplate", dependencies: ["HabitatCore"]),
        .target(name: "HabitatSite", dependencies: [
            "HabitatCore", "HabitatMarkdown", "HabitatContent", "HabitatRules", "HabitatTemplate", "CHabitatSys",
        ]),
        .target(name: "HabitatServe", dependencies: [
            "HabitatSite", "HabitatCore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .executableTarget(name: "habitat", dependencies: [
            "HabitatSite", "HabitatServe", "CHabitatSys",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "HabitatTests", dependencies: [
            "HabitatCore", "HabitatMarkdown", "HabitatContent", "HabitatRules", "HabitatTemplate", "HabitatSite",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
