// swift-tools-version:6.1
// libFuzzer harnesses for actionplan's readers: the plan parser, the CSV/TSV reader
// and the .xlsx reader. A package of its own because a fuzz executable only links
// with `-sanitize=fuzzer`, which would break a plain `swift build` of the main package.
// Build and run them with `Fuzz/run.sh TARGET SECONDS`; see docs/hardening.md.
import PackageDescription

let package = Package(
    name: "actionplan-fuzz",
    dependencies: [
        .package(name: "actionplan", path: ".."),
        // The same version as the main package's, for building workbooks in the harness.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // libFuzzer's LLVMFuzzerRunDriver, for executables that have a main of their own.
        .target(name: "FuzzDriver"),
        .target(
            name: "FuzzKit",
            dependencies: [
                "FuzzDriver", .product(name: "PlanCore", package: "actionplan"),
                .product(name: "PlanImport", package: "actionplan"),
            ]),
        .executableTarget(
            name: "fuzz-plan",
            dependencies: [
                "FuzzKit", .product(name: "PlanCore", package: "actionplan"),
            ]),
        .executableTarget(
            name: "fuzz-delimited",
            dependencies: [
                "FuzzKit", .product(name: "PlanImport", package: "actionplan"),
            ]),
        .executableTarget(
            name: "fuzz-xlsx",
            dependencies: [
                "FuzzKit", .product(name: "PlanCore", package: "actionplan"),
                .product(name: "PlanImport", package: "actionplan"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ]
)
