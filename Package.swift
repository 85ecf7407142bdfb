// swift-tools-version:6.1
import PackageDescription

// Supported platform: Linux (Debian/Ubuntu). The code calls Glibc directly (posix_spawn, flock,
// stat's st_mtim) and the terminal interface uses ncursesw; macOS is not supported.

// A release build links Swift's runtime and FoundationEssentials into the executables (what
// `--static-swift-stdlib` does), so that `swift run -c release actionplan-bench` from a fresh
// clone measures the binary `make` installs: a process that starts without loading and
// relocating two dozen shared libraries (docs/performance.md, "Start-up"). The flag is given
// to the executables' compile too, so that their objects name the static libraries' own
// dependencies. The tool's modules import FoundationEssentials, not Foundation, so that
// neither ICU nor CoreFoundation is linked (.ci/run checks it); nothing imports FoundationXML (the
// workbook reader has an XML scanner of its own), so libxml2 is not linked at all. Debug
// builds and the tests keep the shared runtime.
let staticSwiftInRelease = [SwiftSetting.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
let staticSwiftLinkInRelease: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "actionplan",
    products: [
        .executable(name: "actionplan", targets: ["actionplan"]),
        .library(name: "PlanCore", targets: ["PlanCore"]),
        // For the fuzz harnesses in Fuzz/, a package of their own.
        .library(name: "PlanImport", targets: ["PlanImport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "PlanCore"),
        .target(name: "PlanTUI", dependencies: ["PlanCore"]),
        // `actionplan import`: reading spreadsheets (CSV/TSV, and .xlsx workbooks, a zip of XML
        // read by a scanner of its own, XMLScanner.swift),
        // mapping their columns and layout, and writing the plan; kept out of PlanCore, which
        // is the model, the format and what is computed from it. Zip archives are read with a
        // small reader of its own over the system's zlib (see ZipReader.swift); ZIPFoundation
        // is only for the tests, which make workbooks.
        .target(name: "PlanImport", dependencies: ["PlanCore", "CSystemZlib"]),
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "NcursesTerminal", dependencies: ["CNcursesw", "PlanTUI"]),
        // glibc's malloc tuning and `madvise`, for the executables' start (its shim.h says why).
        .systemLibrary(name: "CProcessMemory", path: "Sources/CProcessMemory"),
        .executableTarget(
            name: "actionplan",
            dependencies: [
                "PlanCore",
                "PlanTUI",
                "NcursesTerminal",
                "PlanImport",
                "CProcessMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftInRelease,
            linkerSettings: staticSwiftLinkInRelease
        ),
        .executableTarget(
            name: "actionplan-bench",
            dependencies: [
                "PlanCore",
                "PlanTUI",
                // Not imported: listed so that the CLI is built beside the benchmark, which runs it for peak memory.
                "actionplan",
                "CProcessMemory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: staticSwiftInRelease,
            linkerSettings: staticSwiftLinkInRelease
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
            name: "PlanImportTests",
            dependencies: [
                "PlanImport",
                "PlanCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "PlanTUITests",
            dependencies: [
                "PlanTUI", "PlanCore", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "ActionplanCLITests",
            dependencies: [
                "actionplan", "PlanCore", "PlanImport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
