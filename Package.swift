// swift-tools-version:6.2
import PackageDescription

/// Our own targets treat every warning as an error; dependencies keep their warnings.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "knigonosha",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "knigonosha", targets: ["knigonosha"]),
        .library(name: "KnigonoshaApp", targets: ["KnigonoshaApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", exact: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", exact: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", exact: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", exact: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", exact: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        // Plot 0.14.0 with attribute values escaped: see Vendor/Plot and docs/DECISIONS.md.
        .package(path: "Vendor/Plot"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", exact: "2.4.1"),
    ],
    targets: [
        .target(
            name: "TextKit",
            path: "Sources/TextKit",
            swiftSettings: strict
        ),
        .target(
            name: "MARCKit",
            path: "Sources/MARCKit",
            swiftSettings: strict
        ),
        .target(
            name: "Stemming",
            path: "Sources/Stemming",
            swiftSettings: strict
        ),
        .target(
            name: "Scheduling",
            path: "Sources/Scheduling",
            swiftSettings: strict
        ),
        .target(
            name: "Routing",
            path: "Sources/Routing",
            swiftSettings: strict
        ),
        .target(
            name: "Selection",
            dependencies: ["Stemming", "TextKit"],
            path: "Sources/Selection",
            swiftSettings: strict
        ),
        .target(
            name: "Spreadsheet",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/Spreadsheet",
            swiftSettings: strict
        ),
        .target(
            name: "KnigonoshaApp",
            dependencies: [
                "TextKit",
                "Spreadsheet",
                "MARCKit",
                "Stemming",
                "Scheduling",
                "Routing",
                "Selection",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/KnigonoshaApp",
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "knigonosha",
            dependencies: ["KnigonoshaApp"],
            path: "Sources/knigonosha",
            swiftSettings: strict
        ),
        .testTarget(
            name: "TextKitTests",
            dependencies: ["TextKit"],
            path: "Tests/TextKitTests"
        ),
        .executableTarget(
            name: "marc-bench",
            dependencies: ["MARCKit"],
            path: "Benchmarks/MARCBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "plaintext-bench",
            dependencies: [.product(name: "Vapor", package: "vapor")],
            path: "Benchmarks/PlaintextBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "route-bench",
            dependencies: ["Routing"],
            path: "Benchmarks/RouteBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "vrptw-bench",
            dependencies: ["Routing"],
            path: "Benchmarks/VRPTWBench",
            swiftSettings: strict
        ),
        .testTarget(
            name: "MARCKitTests",
            dependencies: ["MARCKit"],
            path: "Tests/MARCKitTests"
        ),
        .testTarget(
            name: "StemmingTests",
            dependencies: ["Stemming"],
            path: "Tests/StemmingTests"
        ),
        .testTarget(
            name: "RoutingTests",
            dependencies: ["Routing"],
            path: "Tests/RoutingTests"
        ),
        .testTarget(
            name: "PlanningTests",
            dependencies: ["Scheduling", "Routing", "Selection"],
            path: "Tests/PlanningTests"
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "KnigonoshaApp",
                "Scheduling",
                "Spreadsheet",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            path: "Tests/AppTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
