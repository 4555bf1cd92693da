import ArgumentParser
import BriefModel
import Foundation

/// "Did you mean `build`?" for a mistyped command: swift-argument-parser suggests options but says only
/// "Unexpected argument" for a command it does not know.
enum CommandSuggestion {
    /// The usage error for `arguments` when they name a command that does not exist but is close to one,
    /// following subcommands (`brief template rendr`); nil when they are fine or nothing is close.
    static func message(for arguments: [String], root: ParsableCommand.Type = Brief.self) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "brief"]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !argument.hasPrefix("-") else { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName } + ["help"]
            if let next = subcommands.first(where: { $0.configuration.commandName == argument }) {
                command = next
                path.append(argument)
                continue
            }
            if names.contains(argument) { return nil }
            guard let closest = EditDistance.closest(to: argument, among: names) else { return nil }
            let full = path.joined(separator: " ")
            return "Error: Unknown command '\(argument)'. Did you mean '\(closest)'?\n"
                + "Usage: \(full) <subcommand>\n  See '\(full) --help' for more information.\n"
        }
        return nil
    }
}
