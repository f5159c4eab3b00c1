import Vapor

/// Finds which methods the registered routes accept for a concrete path, for `405` answers.
enum MethodMatcher {
    static func methods(for path: String, in routes: Vapor.Routes) -> [HTTPMethod] {
        let parts = path.split(separator: "/").map(String.init)
        var candidates = routes.all.filter { matches($0.path, parts) }
        // Like the router, a constant segment wins over a parameter: `/catalog/imports` is not
        // `/catalog/:id`.
        for i in 0..<parts.count {
            if candidates.contains(where: { i < $0.path.count && isConstant($0.path[i]) }) {
                candidates.removeAll { i < $0.path.count && !isConstant($0.path[i]) }
            }
        }
        var found: [HTTPMethod] = []
        for route in candidates where !found.contains(route.method) { found.append(route.method) }
        return found
    }

    private static func isConstant(_ c: PathComponent) -> Bool {
        if case .constant = c { return true }
        return false
    }

    private static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        if pattern.last == .catchall { return parts.count >= pattern.count - 1 }
        guard pattern.count == parts.count else { return false }
        for (component, part) in zip(pattern, parts) {
            switch component {
            case .constant(let value) where value != part: return false
            default: continue
            }
        }
        return true
    }
}
