import ArgumentParser
import DJModel
import Foundation
import PlaylistFormats
import SegueCore

/// `segue sets`: the sets the library keeps by name — the ones the page saves, and set documents
/// saved from the command line — listed, shown, saved, renamed and deleted.
struct SetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sets",
        abstract: "List, show, save and delete the named sets the library keeps (the page's saved sets).",
        subcommands: [List.self, Show.self, Save.self, Rename.self, Delete.self], defaultSubcommand: List.self)

    /// `segue sets list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The named sets, newest first.")
        @OptionGroup var library: LibraryOption

        func run() throws {
            let sets = try library.open().namedSets()
            guard !sets.isEmpty else {
                Console.say("No named sets yet: save one with `segue sets save SET.json --name NAME` or with Save on the page.")
                return
            }
            for set in sets {
                let length = String(format: "%d:%02d", Int(saturating: set.duration) / 60, Int(saturating: set.duration) % 60)
                Console.say("\(set.id)  \(set.name)  (\(set.kind.rawValue), \(set.tracks) tracks, \(length), from \(set.firstTrack), saved \(set.savedAt))")
            }
        }
    }

    /// `segue sets show ID`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A stored set as a table, or as its JSON document.")
        @Argument(help: "The set's id (as `segue sets list` or the page's address shows it).") var id: String
        @Option(help: "table or json.") var format: String = "table"
        @OptionGroup var library: LibraryOption

        func run() throws {
            let set = try library.open().savedSet(id: id)
            switch format {
            case "table":
                if let name = set.name { Console.say("“\(name)”") }
                Console.say(SetTable.render(set))
                Console.say(SetTable.explanations(set))
            case "json": print(String(decoding: try JSONSetDocument().write(set, options: .standard), as: UTF8.self))
            default: throw ValidationError("--format must be table or json, got '\(format)'")
            }
        }
    }

    /// `segue sets save SET.json --name NAME`.
    struct Save: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a set document (from `segue set --format json` or an export) under a name; it opens on the page.")
        @Argument(help: "A set document (JSON).") var setDocument: String
        @Option(help: "The name (1–100 characters).") var name: String
        @Flag(help: "Take the name from another set holding it (that set becomes unnamed).") var replace = false
        @OptionGroup var library: LibraryOption

        func run() throws {
            let segue = try library.open()
            let stored = try segue.save(try Segue.readSetDocument(at: setDocument), name: name, replacing: replace)
            Console.say("Saved “\(stored.name ?? name)”, id \(stored.id ?? "") — on the page of `segue serve`: /?set=\(stored.id ?? "")")
        }
    }

    /// `segue sets rename ID NAME`.
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a stored set a (new) name.")
        @Argument(help: "The set's id.") var id: String
        @Argument(help: "The name.") var name: String
        @Flag(help: "Take the name from another set holding it (that set becomes unnamed).") var replace = false
        @OptionGroup var library: LibraryOption

        func run() throws {
            let named = try library.open().nameSet(id: id, name: name, replacing: replace)
            Console.say("\(id) is now “\(named.name ?? name)”")
        }
    }

    /// `segue sets delete ID`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Forget a stored set.")
        @Argument(help: "The set's id.") var id: String
        @OptionGroup var library: LibraryOption

        func run() throws {
            try library.open().deleteSet(id: id)
            Console.say("Deleted \(id)")
        }
    }
}
