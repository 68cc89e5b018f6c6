import DJModel

/// What a DJ program needs besides the set: where the files will be on the machine that plays
/// them, and names. Writers apply it; readers get back the paths as written.
public struct ExportOptions: Sendable, Hashable {
    /// Path prefix rewriting, applied to every track before writing.
    public var pathMapping: PathMapping
    /// Playlist (or crate) name; default from the set (`Segue set from …`).
    public var playlistName: String?
    /// Traktor: the name of the system volume for absolute POSIX paths (macOS: `Macintosh HD`).
    /// Paths under `/Volumes/NAME/` use `NAME` instead, and Windows paths their drive (`C:`).
    public var systemVolume: String
    /// Serato: the folder of the drive the files are on (`/Volumes/USB`, `/media/usb`); crate
    /// paths are relative to it. Default: the path's drive (`C:`), `/Volumes/NAME`, or `/`.
    public var volumeRoot: String?

    /// Creates options.
    public init(pathMapping: PathMapping = .identity, playlistName: String? = nil, systemVolume: String = "Macintosh HD",
                volumeRoot: String? = nil) {
        self.pathMapping = pathMapping
        self.playlistName = playlistName
        self.systemVolume = systemVolume
        self.volumeRoot = volumeRoot
    }

    /// No rewriting, default names.
    public static let standard = ExportOptions()

    /// The set with every path mapped.
    public func mapped(_ set: DJSet) -> DJSet {
        var copy = set
        for index in copy.tracks.indices { copy.tracks[index].path = pathMapping.apply(copy.tracks[index].path) }
        return copy
    }

    /// The playlist name for `set`: the one given, else `Segue set from SEED` (one line, at most
    /// 120 characters).
    public func name(for set: DJSet) -> String {
        let name = playlistName ?? "Segue \(set.kind.rawValue) from \(set.seed)"
        let line = name.map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return String(String(line).prefix(120))
    }
}
