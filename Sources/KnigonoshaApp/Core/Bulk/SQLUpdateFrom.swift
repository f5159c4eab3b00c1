import SQLKit

/// `UPDATE table SET column = source.column, … FROM source WHERE table.key = source.key`, which
/// SQLKit's update builder cannot say: a whole batch of rows updated by one statement from a staged
/// table (PostgreSQL). Built from identifiers only; no value is ever part of the text.
struct SQLUpdateFrom: SQLExpression {
    let table: String
    let source: String
    let key: String
    let columns: [String]
    /// Columns set from an expression over the source row (`SQLColumn(_, table: source)`).
    var computed: [(column: String, value: any SQLExpression)] = []

    func serialize(to serializer: inout SQLSerializer) {
        let sets: [any SQLExpression] =
            columns.map { SQLBinaryExpression(SQLIdentifier($0), .equal, SQLColumn($0, table: source)) }
            + computed.map { SQLBinaryExpression(SQLIdentifier($0.column), .equal, $0.value) }
        serializer.statement {
            $0.append("UPDATE", SQLIdentifier(table))
            $0.append("SET", SQLList(sets))
            $0.append("FROM", SQLIdentifier(source))
            $0.append("WHERE", SQLBinaryExpression(SQLColumn(key, table: table), .equal, SQLColumn(key, table: source)))
        }
    }
}
