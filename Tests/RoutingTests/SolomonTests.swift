import Foundation
import Routing
import Testing

@Suite struct SolomonTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/vrptw/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(arguments: ["C201", "R105", "RC102"]) func bestKnownSolutionsCheckUnderOurConvention(name: String) throws {
        // The published solutions are feasible and cost what they say under truncated tenths,
        // which pins down the convention the solver and the checker use.
        let instance = try SolomonInstance.parse(Self.fixture("\(name).txt"))
        let best = try CVRPLIBSolution.parse(Self.fixture("\(name).sol"))
        let check = SolomonChecker.check(instance, best)
        #expect(check.violations == [])
        #expect(Double(check.costTenths) / 10 == best.cost)
        #expect(instance.customers.count == 101)
    }

    @Test func solvingAnInstanceGivesACheckedSolution() throws {
        let text = try Self.fixture("C201.txt")
        let output = try SolomonCommand.run(text: text, options: SolverOptions(seed: 3, iterationLimit: 5, minimumPopulation: 4, generationSize: 4))
        let solution = try CVRPLIBSolution.parse(output)
        let instance = try SolomonInstance.parse(text)
        let check = SolomonChecker.check(instance, solution)
        #expect(check.violations == [])
        #expect(Double(check.costTenths) / 10 == solution.cost)
        #expect(output.hasPrefix("Route #1: "))
        // A few iterations already come within 5 % of the best known 589.1.
        #expect(solution.cost! < 589.1 * 1.05)
    }

    @Test func truncatedTenths() {
        let a = SolomonInstance.Customer(number: 0, x: 0, y: 0, demand: 0, readyTime: 0, dueDate: 1, serviceTime: 0)
        let b = SolomonInstance.Customer(number: 1, x: 1, y: 1, demand: 0, readyTime: 0, dueDate: 1, serviceTime: 0)
        let c = SolomonInstance.Customer(number: 2, x: 3, y: 4, demand: 0, readyTime: 0, dueDate: 1, serviceTime: 0)
        #expect(SolomonInstance.tenths(a, b) == 14)
        #expect(SolomonInstance.tenths(a, c) == 50)
    }

    static let header =
        "BAD\n\nVEHICLE\nNUMBER     CAPACITY\n  2         50\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n"

    @Test func errorsNameTheLine() {
        let cases: [(String, Int, String)] = [
            (Self.header + "    0  40  50  0  0  1236  0\n    1  45  68  x  0  1127  90\n", 11, "'x' is not a number"),
            (Self.header + "    0  40  50  0  0  1236  0\n    1  45  68  10  0  1127\n", 11, "expected 7 numbers, found 6"),
            (Self.header + "    0  40  50  0  0  1236  0\n    2  45  68  10  0  1127  90\n", 11, "expected customer 1, found 2"),
            (Self.header + "    0  40  50  0  0  1236  0\n    1  45  68  10  500  400  90\n", 11, "due date 400 is before ready time 500"),
            ("BAD\nVEHICLE\nNUMBER CAPACITY\n2 fifty\n", 4, "expected the vehicle count and capacity as two whole numbers"),
            ("BAD\nCUSTOMER\n", 2, "expected the VEHICLE section"),
        ]
        for (text, line, message) in cases {
            #expect(throws: SolomonFormatError(line: line, message: message)) { try SolomonInstance.parse(text) }
        }
        #expect(throws: SolomonFormatError(line: 2, message: "a customer is not a number")) {
            try CVRPLIBSolution.parse("Route #1: 1 2\nRoute #2: 3 four\nCost 10.0\n")
        }
    }

    @Test func theCheckerCatchesBrokenSolutions() throws {
        let instance = try SolomonInstance.parse(Self.fixture("C201.txt"))
        var best = try CVRPLIBSolution.parse(Self.fixture("C201.sol"))
        best.routes[0].swapAt(0, best.routes[0].count - 1)
        best.routes[1].removeLast()
        let violations = SolomonChecker.check(instance, best).violations
        #expect(violations.contains { $0.contains("not visited") })
        #expect(violations.contains { $0.contains("reached at") })
    }
}
