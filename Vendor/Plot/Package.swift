// swift-tools-version:5.9
// Plot 0.14.0 (MIT, John Sundell), vendored with one change: attribute values are escaped when
// rendered (Sources/Plot/API/Attribute.swift). See docs/DECISIONS.md, "Plot is vendored".
import PackageDescription

let package = Package(
    name: "Plot",
    products: [.library(name: "Plot", targets: ["Plot"])],
    targets: [.target(name: "Plot")]
)
