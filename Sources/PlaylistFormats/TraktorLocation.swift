/// Traktor's way of naming a file: a `VOLUME` (`Macintosh HD`, `USB`, `C:`), a `DIR` whose
/// folders are each preceded by `/:` (`/:Users/:dj/:Music/:`) and a `FILE`; the three joined
/// are the track's primary key in playlists.
public struct TraktorLocation: Sendable, Hashable {
    /// Volume name, or drive (`C:`).
    public var volume: String
    /// Folders, `/:`-separated, starting and ending with `/:`.
    public var dir: String
    /// File name.
    public var file: String

    /// The playlist primary key: volume + dir + file.
    public var primaryKey: String { volume + dir + file }

    /// Splits `path`: `C:/Music/a.mp3` → `C:`, `/:Music/:`, `a.mp3`; `/Volumes/USB/a.mp3` →
    /// `USB`, `/:`, `a.mp3`; other absolute paths are on `systemVolume`.
    public init(path: String, systemVolume: String) {
        var rest = path.replacingOccurrences(of: "\\", with: "/")
        if FileLocation.isWindowsDrivePath(rest) {
            volume = String(rest.prefix(2))
            rest = String(rest.dropFirst(2))
        } else if rest.hasPrefix("/Volumes/"), let end = rest.dropFirst("/Volumes/".count).firstIndex(of: "/") {
            volume = String(rest["/Volumes/".endIndex..<end])
            rest = String(rest[end...])
        } else {
            volume = systemVolume
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        file = parts.last ?? ""
        dir = "/:" + parts.dropLast().map { $0 + "/:" }.joined()
    }

    /// Creates a location from its attributes.
    public init(volume: String, dir: String, file: String) {
        self.volume = volume
        self.dir = dir
        self.file = file
    }

    /// The path this location names: drives give `C:/…`, `systemVolume` gives `/…`, other
    /// volumes `/Volumes/NAME/…`.
    public func path(systemVolume: String) -> String {
        let folders = dir.replacingOccurrences(of: "/:", with: "/")
        let joined = (folders.hasPrefix("/") ? folders : "/" + folders) + (folders.hasSuffix("/") ? "" : "/") + file
        if FileLocation.isWindowsDrivePath(volume) { return volume + joined }
        if volume.isEmpty || volume == systemVolume { return joined }
        return "/Volumes/" + volume + joined
    }
}
