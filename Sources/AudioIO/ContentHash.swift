import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A cheap fingerprint of a file's bytes: FNV-1a 64 over its size, first and last 64 KiB.
/// Detects replaced files whose size and time happen to match, and recognises a moved or renamed
/// file as the track it was; not a cryptographic hash.
public enum ContentHash {
    /// The fingerprint of the regular file at `path` of `size` bytes, or "" when it cannot be read
    /// (it is opened without blocking, and refused unless it is a regular file).
    public static func of(path: String, size: Int64) -> String {
        guard let descriptor = try? RegularFile.open(path) else { return "" }
        defer { close(descriptor) }
        return of(descriptor: descriptor, size: size)
    }

    /// The fingerprint of the open regular file `descriptor` of `size` bytes, read with `pread`
    /// (the descriptor's offset is left where it was); "" when it cannot be read.
    public static func of(descriptor: Int32, size: Int64) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        func chunk(at offset: Int64) -> [UInt8]? {
            var buffer = [UInt8](repeating: 0, count: 65536)
            var filled = 0
            while filled < buffer.count {
                let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(offset) + off_t(filled)) }
                if count < 0 { return nil }
                if count == 0 { break }
                filled += count
            }
            return Array(buffer.prefix(filled))
        }
        mix(String(size).utf8)
        guard let head = chunk(at: 0) else { return "" }
        mix(head)
        if size > 131_072 {
            guard let tail = chunk(at: size - 65536) else { return "" }
            mix(tail)
        }
        return String(hash, radix: 16)
    }
}
