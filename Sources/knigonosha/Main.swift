import KnigonoshaApp

/// The executable only starts the app; everything else lives in `KnigonoshaApp`.
@main
struct Main {
    static func main() async throws {
        try await Knigonosha.main()
    }
}
