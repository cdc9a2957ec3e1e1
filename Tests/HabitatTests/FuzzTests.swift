import Foundation
import HabitatContent
import HabitatCore
import Testing

/// What the watchdog sees: the input being parsed and since when.
final class FuzzWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var current: (label: String, input: [UInt8], since: ContinuousClock.Instant)?

    func start(_ label: String, _ input: [UInt8]) { lock.lock(); current = (label, input, .now); lock.unlock() }
    func stop() { lock.lock(); current = nil; lock.unlock() }

    /// The input running for longer than `limit`, if any.
    func stuck(after limit: Duration) -> (String, [UInt8])? {
        lock.lock(); defer { lock.unlock() }
        guard let c = current, c.since.duration(to: .now) > limit else { return nil }
        return (c.label, c.input)
    }
}

/// Two child processes at a time (two cores).
actor FuzzGate {
    static let shared = FuzzGate()
    private var free = 2
    private var waiting: [CheckedContinuation<Void, Never>] = []
    func acquire() async { if free > 0 { free -= 1 } else { await withCheckedContinuation { waiting.append($0) } } }
    func release() { if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() } }
}

@Suite struct Fuzz {
    static let defaultBudget = 27_000
    static let defaultSeed: UInt64 = 0x4841_4249_5441_5400   // "HABITAT\0"

    /// Mutates valid inputs and feeds them to the parsers: no crash, every input either parses or
    /// gets errors with a line ≥ 1 (and not past the end of the input), no input takes more than 2 s.
    /// `HABITAT_FUZZ_ITERATIONS=1000000` for a long run, `HABITAT_FUZZ_SEED=n` for other mutations,
    /// `HABITAT_FUZZ_NO_SKIP=1` to feed the inputs of known crashes too (see KnownFuzzDefects).
    /// Each target runs in a child process, so a crash or a hang fails the test with its input
    /// (kept in $TMPDIR/habitat-fuzz-<uuid>/current-<target>.bin) instead of killing the test run.
    @Test func parsersSurviveMutatedInputs() async throws {
        let env = ProcessInfo.processInfo.environment
        let budget = env["HABITAT_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? Self.defaultBudget
        let seed = env["HABITAT_FUZZ_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        let dir = NSTemporaryDirectory() + "habitat-fuzz-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let targets = FuzzTarget.all
        let clock = ContinuousClock()
        let began = clock.now

        await withTaskGroup(of: Void.self) { group in
            for t in targets.indices {
                let share = budget / targets.count + (t < budget % targets.count ? 1 : 0)
                group.addTask {
                    await FuzzGate.shared.acquire()
                    await #expect(processExitsWith: .success, "fuzzing \(targets[t].name) crashed or hung") {
                        [t = t as Int, share = share as Int, seed = seed as UInt64, dir = dir as String] in
                        Fuzz.runTarget(t, count: share, seed: seed, dir: dir)
                    }
                    await FuzzGate.shared.release()
                }
            }
        }
        let elapsed = began.duration(to: clock.now)

        var total = 0, knownUTF8 = 0, skipped = 0
        var lines: [String] = []
        var keep = false
        for (t, target) in targets.enumerated() {
            guard let report = try? String(contentsOfFile: dir + "/report-\(t).txt", encoding: .utf8) else {
                let saved = dir + "/current-\(t).bin"
                let input = FileManager.default.contents(atPath: saved).map { [UInt8]($0) } ?? []
                Issue.record("fuzzing \(target.name) died on the input \(Self.show(input)) (kept in \(saved))")
                keep = true
                continue
            }
            var reportLines = report.split(separator: "\n").map(String.init)
            let figures = reportLines.removeFirst().split(separator: " ")
            let count = Int(figures[0]) ?? 0
            total += count
            knownUTF8 += Int(figures[2]) ?? 0
            skipped += Int(figures[3]) ?? 0
            lines.append("fuzz:   \(count) × \(target.name), slowest input \(figures[1]) s")
            for failure in reportLines { Issue.record(Comment(rawValue: failure)) }
        }
        print("fuzz: \(total) inputs in \(Self.seconds(elapsed)) s (seed \(seed), \(targets.count) targets)")
        for line in lines { print(line) }
        if knownUTF8 + skipped > 0 {
            print("fuzz:   known engine defects met: \(knownUTF8) × invalid UTF-8 accepted silently, \(skipped) × CSV of empty quoted rows (skipped, crashes)")
        }
        #expect(total >= budget)
        if !keep { try? FileManager.default.removeItem(atPath: dir) }
    }

    /// The work of one child process: fuzz one target and write `report-<t>.txt`.
    static func runTarget(_ t: Int, count: Int, seed: UInt64, dir: String) {
        let target = FuzzTarget.all[t]
        let watch = FuzzWatch()
        let current = dir + "/current-\(t).bin"
        // A hang never returns: after 60 s the watchdog keeps the input and ends the child.
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.5)
                if let (label, input) = watch.stuck(after: .seconds(60)) {
                    writeBytes(input, to: current)
                    FileHandle.standardError.write(Data("fuzz: \(label) has been parsing one input for 60 s\n".utf8))
                    exit(124)
                }
            }
        }
        let clock = ContinuousClock()
        var rng = SplitMix64(seed: seed &+ UInt64(t) &* 0x1000_0001)
        let base = Array(target.seed.utf8)
        var slowest = Duration.zero
        var failures: [String] = []
        var knownUTF8 = 0, skipped = 0
        // The CSV crash on rows of empty quoted cells is fixed: its inputs are fed like any other.
        let skipKnownCrashes = false
        let seedProblems = target.run(base)
        if !seedProblems.isEmpty { failures.append("the seed of \(target.name) does not parse: \(seedProblems)") }
        for i in 0..<count {
            let input = Mutator.mutate(base, &rng)
            if skipKnownCrashes && target.isCSV && KnownFuzzDefects.csvCrashesOnEmptyQuotedRows(input) { skipped += 1; continue }
            writeBytes(input, to: current)   // left behind if the parser crashes
            watch.start("\(target.name) #\(i)", input)
            let start = clock.now
            var problems = target.run(input)
            let took = start.duration(to: clock.now)
            watch.stop()
            slowest = max(slowest, took)
            if problems.contains(KnownFuzzDefects.silentInvalidUTF8) { knownUTF8 += 1 }
            if took > .seconds(2) { failures.append("\(target.name) #\(i) took \(seconds(took)) s: \(show(input))") }
            if !problems.isEmpty && failures.count < 20 {
                failures.append("\(target.name) #\(i): \(problems.joined(separator: "; ")) — input \(show(input))")
            }
        }
        let report = "\(count) \(seconds(slowest)) \(knownUTF8) \(skipped)\n" + failures.map { $0.replacingOccurrences(of: "\n", with: "\\n") + "\n" }.joined()
        try? report.write(toFile: dir + "/report-\(t).txt", atomically: true, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: current)
    }

    // MARK: reproducers of what the fuzzer found (both fixed; kept as regression tests)

    /// Found by the fuzzer: a CSV whose only line is an empty quoted cell crashes CSVReader
    /// (CSVReader.swift:96, `rows.removeFirst()` on an empty array). It must be "the file is empty".
    /// (`""` in the normal run; `""` + U+2028 in a 300 000-input run.)
    @Test func csvOfOnlyAnEmptyQuotedCellIsAnErrorNotACrash() async {
        do {
            for text in ["\"\"", "\"\"\u{2028}", "\"\" \"\"\r\n\"\"\n"] {
                await #expect(processExitsWith: .success, "CSVReader.read(\(Fuzz.show(Array(text.utf8))))") { [text = text as String] in
                    do throws(Diagnostic) {
                        _ = try CSVReader.read(Array(text.utf8), file: "t.csv")
                        exit(2)   // parsed: wrong, there is no header
                    } catch {
                        exit(error.location.line >= 1 && error.code == "table.empty" ? 0 : 3)
                    }
                }
            }
        }
    }

    /// Found by the fuzzer: byte sequences that are not UTF-8 (overlong forms, surrogates, code
    /// points above U+10FFFF) pass UTF8Check.decode and are silently replaced by U+FFFD.
    @Test(arguments: [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8IsAlwaysAnError(_ bad: [UInt8]) {
        let bytes = Array("commune;note\nArras;a".utf8) + bad + Array("b\n".utf8)
        do {
            do throws(Diagnostic) {
                _ = try CSVReader.read(bytes, file: "t.csv")
                Issue.record("invalid UTF-8 \(Fuzz.show(bad)) accepted")
            } catch {
                #expect(error.code == "file.not-utf8")
                #expect(error.location.line == 2 && error.location.column == 8, "\(error)")
            }
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return String(format: "%.3f", s)
    }

    /// An input as a Swift string literal; bytes outside printable ASCII as <hex>.
    static func show(_ bytes: [UInt8]) -> String {
        var out = "\""
        for b in bytes {
            switch b {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x20..<0x7F: out.append(Character(Unicode.Scalar(b)))
            default: out += "<\(String(b, radix: 16, uppercase: true))>"
            }
        }
        return out + "\""
    }
}

/// Writes `bytes` to `path` with plain POSIX calls (cheap enough to do before every input).
func writeBytes(_ bytes: [UInt8], to path: String) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
}
