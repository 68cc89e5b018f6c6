import DJModel
import Foundation

/// A source track's graph edges packed in one blob: per edge the target id (Int64) and the
/// score with its five components (Float32 each), little-endian, 32 bytes.
enum EdgeBlob {
    static let stride = 32

    static func encode(_ edges: [TrackLibrary.StoredEdge]) -> Data {
        var bytes = [UInt8](repeating: 0, count: edges.count * stride)
        bytes.withUnsafeMutableBytes { raw in
            for (index, edge) in edges.enumerated() {
                let base = index * stride
                raw.storeBytes(of: edge.target.rawValue.littleEndian, toByteOffset: base, as: Int64.self)
                // Six stores, no array per edge (a million tracks store 24 M edges).
                func put(_ value: Double, _ slot: Int) {
                    raw.storeBytes(of: Float(value).bitPattern.littleEndian, toByteOffset: base + 8 + 4 * slot, as: UInt32.self)
                }
                put(edge.score, 0); put(edge.als, 1); put(edge.content, 2); put(edge.bpm, 3); put(edge.key, 4); put(edge.energy, 5)
            }
        }
        return Data(bytes)
    }

    static func decode(_ data: Data, source: TrackID) -> [TrackLibrary.StoredEdge] {
        data.withUnsafeBytes { raw in
            (0..<(data.count / stride)).map { index in
                let base = index * stride
                func float(_ slot: Int) -> Double {
                    Double(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + 8 + 4 * slot, as: UInt32.self))))
                }
                let target = TrackID(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: base, as: Int64.self)))
                return TrackLibrary.StoredEdge(source: source, target: target, score: float(0), als: float(1), content: float(2),
                                               bpm: float(3), key: float(4), energy: float(5))
            }
        }
    }
}
