// Shared by every libFuzzer harness (compiled into each one by Fuzz/fuzz.sh).
#if canImport(Glibc)
import Glibc
#endif
import HabitatCore

/// Stops the run as a crash, so libFuzzer keeps the input that broke an invariant.
func violated(_ message: String) -> Never {
    fputs("fuzz invariant broken: \(message)\n", stderr)
    abort()
}

/// The highest line any reader could count (every kind of line break), plus one for an error
/// at the very end of the input.
func maxLine(_ bytes: [UInt8]) -> Int {
    var lines = 1
    for u in String(decoding: bytes, as: UTF8.self).unicodeScalars
    where u == "\n" || u == "\r" || u == "\u{0B}" || u == "\u{0C}" || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}" {
        lines += 1
    }
    return lines + 1
}

/// Every diagnostic names `file` and a line inside the input; a rejected input has an error.
func checkDiagnostics(_ diagnostics: [Diagnostic], parsed: Bool, file: String, input: [UInt8]) {
    if !parsed && !diagnostics.contains(where: { $0.severity == .error }) { violated("rejected without an error") }
    let last = maxLine(input)
    for d in diagnostics {
        if d.location.file != file { violated("wrong file in \(d)") }
        if d.location.line < 1 || d.location.line > last { violated("line outside the input (\(last) lines) in \(d)") }
    }
}

func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
