// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "actionplan",
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
        .library(name: "PlanCore", targets: ["PlanCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        .target(name: "PlanCore"),
        .target(name: "PlanTUI", dependencies: ["PlanCore"]),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "PlanTUI"]),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "PlanCore",
                "PlanTUI",
                "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlanCoreTests",
            dependencies: [
                "PlanCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlanTUITests",
            dependencies: ["PlanTUI", "PlanCore"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ActionplanCLITests",
            dependencies: ["actionplan", "PlanCore"]
        ),
    ]
)
