import SegueMath

/// A one-hidden-layer network from standardised audio features to the latent space:
/// `y = W₂·relu(W₁·x + b₁) + b₂` (van den Oord et al. 2013 regress latent factors from audio the
/// same way, with a deeper network on spectrograms). Trained by ``NeuralEmbeddingTrainer``.
public struct NeuralEmbedding: Sendable, Hashable, Codable {
    /// Input dimension d.
    public let inputCount: Int
    /// Hidden units h.
    public let hiddenCount: Int
    /// Output dimension k.
    public let outputCount: Int
    /// First-layer weights, h rows × d columns.
    var hiddenWeights: [Float]
    /// First-layer biases, h values.
    var hiddenBiases: [Float]
    /// Output weights, k rows × h columns.
    var outputWeights: [Float]
    /// Output biases, k values.
    var outputBiases: [Float]

    /// A network with He-initialised weights drawn from `random` and zero biases.
    init(inputCount: Int, hiddenCount: Int, outputCount: Int, random: inout SeededGenerator) {
        self.inputCount = inputCount
        self.hiddenCount = hiddenCount
        self.outputCount = outputCount
        let hiddenScale = (6 / Float(inputCount)).squareRoot(), outputScale = (6 / Float(hiddenCount)).squareRoot()
        hiddenWeights = (0..<(hiddenCount * inputCount)).map { _ in Float.random(in: -hiddenScale...hiddenScale, using: &random) }
        hiddenBiases = [Float](repeating: 0.01, count: hiddenCount)
        outputWeights = (0..<(outputCount * hiddenCount)).map { _ in Float.random(in: -outputScale...outputScale, using: &random) * 0.5 }
        outputBiases = [Float](repeating: 0, count: outputCount)
    }

    /// The predicted latent vector of one standardised feature vector.
    public func predict(_ input: [Float]) -> [Float] {
        var hidden = [Float](repeating: 0, count: hiddenCount)
        var output = [Float](repeating: 0, count: outputCount)
        forward(input, hidden: &hidden, output: &output)
        return output
    }

    /// Forward pass into caller-owned buffers (the hidden buffer keeps the activations).
    func forward(_ input: [Float], hidden: inout [Float], output: inout [Float]) {
        let d = min(inputCount, input.count)
        for unit in 0..<hiddenCount {
            var sum = hiddenBiases[unit]
            let base = unit * inputCount
            for a in 0..<d { sum += hiddenWeights[base + a] * input[a] }
            hidden[unit] = max(0, sum)
        }
        for unit in 0..<outputCount {
            var sum = outputBiases[unit]
            let base = unit * hiddenCount
            for a in 0..<hiddenCount { sum += outputWeights[base + a] * hidden[a] }
            output[unit] = sum
        }
    }

    /// Whether every weight is finite.
    var isFinite: Bool {
        hiddenWeights.allSatisfy(\.isFinite) && hiddenBiases.allSatisfy(\.isFinite)
            && outputWeights.allSatisfy(\.isFinite) && outputBiases.allSatisfy(\.isFinite)
    }
}
