import AudioIO
import Foundation

/// A cheap fingerprint of a file's bytes: FNV-1a 64 over its size, first and last 64 KiB.
/// Detects replaced files whose size and time happen to match, and recognises a moved or renamed
/// file as the track it was; not a cryptographic hash.
enum ContentHash {
    /// The fingerprint of the regular file at `path` of `size` bytes, or "" when it cannot be read
    /// (it is opened without blocking, and refused unless it is a regular file).
    static func of(path: String, size: Int64) -> String {
        guard let descriptor = try? RegularFile.open(path) else { return "" }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: Data) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        mix(Data(String(size).utf8))
        mix((try? handle.read(upToCount: 65536)) ?? Data())
        if size > 131_072 {
            try? handle.seek(toOffset: UInt64(size - 65536))
            mix((try? handle.read(upToCount: 65536)) ?? Data())
        }
        return String(hash, radix: 16)
    }
}
