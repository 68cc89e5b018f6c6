import Foundation

extension MixPlan {
    /// The files transition `number` (1 = into the second deck) writes into a stems folder:
    /// `NN-out.wav`, `NN-in.wav` and `NN.json`.
    static func stemPaths(number: Int, in folder: String) -> (outgoing: String, incoming: String, json: String) {
        let name = String(format: "%02d", number)
        return ("\(folder)/\(name)-out.wav", "\(folder)/\(name)-in.wav", "\(folder)/\(name).json")
    }

    /// Every file a render of this plan with stems in `folder` writes there, in transition order.
    public func stemPaths(in folder: String) -> [String] {
        overlaps.indices.flatMap { index in
            let paths = Self.stemPaths(number: index + 1, in: folder)
            return [paths.outgoing, paths.incoming, paths.json]
        }
    }
}
