import Foundation
import Testing
@testable import HabitatSite

/// The one-pass cell spacing gives what the sixteen `replacingOccurrences` passes gave.
@Suite struct CellSpacingTests {
    @Test(arguments: [
        "<table><tr><td>Unité</td><td>actes</td></tr></table>",
        "<tr><th scope=\"row\">a</th><td>1</td><td>2</td></tr><tr><th>b</th><td>é</td></tr>",
        "<dl><dt>Terme</dt><dd>Définition</dd><dt>x</dt><dd>y</dd></dl>",
        "</td><thead></th><tbody></dd><dt></dt><dd></td></td><td></td> <td>",
        "aucune cellule ici, </t et </d seuls, </td>",
        "</td><td</td><td></td><tdx L’Haÿ</th><th>🙂</th><th>",
        "",
    ])
    func sameAsTheReplacements(_ html: String) {
        #expect(String(decoding: CellSpacing.apply(html), as: UTF8.self) == Self.replacing(html))
    }

    /// The definition, written the slow way: a space between every closing cell or term tag and
    /// the opening one that follows it.
    static func replacing(_ html: String) -> String {
        var out = html
        for closing in ["</td>", "</th>", "</dd>", "</dt>"] {
            for opening in ["<td", "<th", "<dd", "<dt"] {
                out = out.replacingOccurrences(of: closing + opening, with: closing + " " + opening)
            }
        }
        return out
    }
}
