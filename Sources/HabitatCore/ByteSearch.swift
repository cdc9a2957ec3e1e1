#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a byte string in bytes: `memchr` for its first byte, `memcmp` for the rest.
/// (`String.firstRange(of:)` and `String.contains` cost more than the parsing around them.)
public enum ByteSearch {
    /// Where `needle` first starts in `bytes`, at or after `from`.
    public static func firstIndex(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let start = bytes.baseAddress, let first = needle.first else { return needle.isEmpty ? from : nil }
        return needle.withUnsafeBytes { pattern in
            let last = bytes.count - needle.count
            var at = from
            while at <= last, let found = memchr(start + at, Int32(first), last - at + 1) {
                let i = UnsafeRawPointer(start).distance(to: UnsafeRawPointer(found))
                if memcmp(found, pattern.baseAddress!, needle.count) == 0 { return i }
                at = i + 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs in `bytes`.
    public static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0) != nil }
    }
}
