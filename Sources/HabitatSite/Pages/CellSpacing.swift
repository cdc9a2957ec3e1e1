/// A space between adjacent table cells and definition terms (`</td><td` → `</td> <td`), so
/// that text extracted from a page reads "Unité actes", not "Unitéactes". Layout ignores it.
///
/// One pass over the bytes (sixteen Foundation `replacingOccurrences` passes were two thirds
/// of the render stage): after each `</td>`, `</th>`, `</dd>` or `</dt>` directly followed by
/// `<td`, `<th`, `<dd` or `<dt`, a space.
enum CellSpacing {
    /// The page's bytes, spaced (what is written: no second `String` is made).
    static func apply(_ html: String) -> [UInt8] {
        var html = html
        return html.withUTF8 { bytes in
            guard let first = firstGap(in: bytes, from: 0) else { return Array(bytes) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var copied = 0
            var gap: Int? = first
            while let g = gap {
                out.append(contentsOf: bytes[copied..<g])
                out.append(0x20)
                copied = g
                gap = firstGap(in: bytes, from: g)
            }
            out.append(contentsOf: bytes[copied...])
            return out
        }
    }

    /// The offset just after the next closing cell tag that an opening cell tag follows.
    private static func firstGap(in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = b.count
        while i + 8 <= n {
            // "</" x y ">" "<" x' y'
            if b[i] == 0x3C, b[i + 1] == 0x2F, b[i + 4] == 0x3E, b[i + 5] == 0x3C,
               isCell(b[i + 2], b[i + 3]), isCell(b[i + 6], b[i + 7]) {
                return i + 5
            }
            i += 1
        }
        return nil
    }

    /// `td`, `th`, `dd`, `dt`.
    private static func isCell(_ x: UInt8, _ y: UInt8) -> Bool {
        (x == 0x74 && (y == 0x64 || y == 0x68)) || (x == 0x64 && (y == 0x64 || y == 0x74))
    }
}
