// libFuzzer harness: the rule language — parser, type checker and evaluator. An error points
// inside the rule; a rule that type-checks evaluates, on unknown, small, huge and negative
// answers, to unknown or to a value of its type within the numeric limits.
import HabitatCore
import HabitatRules

let names: [String: RuleType] = [
    "revenu": .number, "personnes": .number, "travaux": .number, "proprietaire": .bool, "commune": .text, "statut": .text,
]
let shapes = ["anah": BaremeShape(columns: ["tres_modeste", "modeste"])]
let evaluator = Evaluator(baremes: ["anah": BaremeTable(rows: [["tres_modeste": 17_009, "modeste": 21_805], ["tres_modeste": 24_875, "modeste": 31_889]],
                                                        increment: ["tres_modeste": 6_278, "modeste": 8_052])])
let answers: [[String: RuleValue]] = [
    [:],
    ["revenu": .number(20_000), "personnes": .number(2), "travaux": .number(12_500.5), "proprietaire": .bool(true), "commune": .text("lens"), "statut": .text("locataire")],
    ["revenu": .number(1e15), "personnes": .number(1e15), "travaux": .number(-1e15), "proprietaire": .bool(false), "commune": .text("liévin")],
    ["revenu": .number(-3), "personnes": .number(2.5), "travaux": .number(0)],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    let length = Array(text).count
    let expr: Expr
    do throws(RuleError) { expr = try RuleParser.parse(text) } catch {
        if error.offset < 0 || error.offset > length { violated("parse error at \(error.offset) in a rule of \(length) characters") }
        return 0
    }
    _ = expr.json.compact
    let type: RuleType
    do throws(RuleError) { type = try TypeChecker(names: names, baremes: shapes).check(expr) } catch {
        if error.offset < 0 || error.offset > length { violated("type error at \(error.offset) in a rule of \(length) characters") }
        return 0
    }
    for env in answers {
        let v = evaluator.evaluate(expr, env)
        _ = v.description
        switch (type, v) {
        case (_, .unknown), (.bool, .bool), (.text, .text), (.numberList, .list), (.textList, .list): break
        case (.number, .number(let d)):
            if !RuleNumber.isAllowed(d) || (d == 0 && d.sign == .minus) { violated("number \(d) outside the rule semantics") }
        default: violated("a \(type) rule gave \(v)")
        }
    }
    return 0
}
