import ArgumentParser
import Foundation

/// swift-argument-parser writes its headings and its own messages in English; staff read French.
/// The commands' texts are French already: this turns the parser's frame into French.
enum FrenchHelp {
    static func translate(_ text: String) -> String {
        var out = text
        let fixed: [(String, String)] = [
            ("OVERVIEW: ", "RÉSUMÉ : "),
            ("USAGE: ", "UTILISATION : "),
            ("ARGUMENTS:", "ARGUMENTS :"),
            ("OPTIONS:", "OPTIONS :"),
            ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
            ("Show help information.", "Affiche cette aide."),
            ("Show the version.", "Affiche la version."),
            ("<subcommand>' for detailed help.", "<subcommand> » pour l'aide détaillée."),
            ("' for more information.", " » pour plus d'informations."),
            ("Error: ", "Erreur : "),
            ("Usage: ", "Utilisation : "),
            ("(default)   ", "(par défaut)"),
            ("(default)", "(par défaut)"),
            ("Help:  ", "Aide : "),
            ("<subcommand>", "<sous-commande>"),
        ]
        for (english, french) in fixed { out = out.replacingOccurrences(of: english, with: french) }
        // "See 'habitat help" / "See 'habitat build --help": the opening quote becomes « .
        out = out.replacingOccurrences(of: "See '", with: "Voir « ")
        let patterns: [(String, String)] = [
            (#"Missing expected argument '([^']*)'"#, "Argument attendu absent : « $1 »"),
            (#"Unknown option '([^']*)'"#, "Option inconnue « $1 »"),
            (#"Unexpected argument '([^']*)'"#, "Argument inattendu « $1 »"),
            (#"Missing value for '([^']*)'"#, "Valeur absente pour « $1 »"),
            (#"The value '([^']*)' is invalid for '([^']*)'"#, "La valeur « $1 » n'est pas valable pour « $2 »"),
            (#"Did you mean '([^']*)'\?"#, "Vouliez-vous dire « $1 » ?"),
            (#"\(default:(\s+)"#, "(par défaut :$1"),
            (#"Unknown subcommand '([^']*)'"#, "Sous-commande inconnue « $1 »"),
        ]
        for (pattern, template) in patterns {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }
}

extension Habitat {
    /// `AsyncParsableCommand.main`, with the parser's messages in French.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = FrenchHelp.translate(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
