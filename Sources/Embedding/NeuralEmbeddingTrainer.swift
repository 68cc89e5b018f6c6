import DJModel
import SegueMath

/// Trains a ``NeuralEmbedding`` by mini-batch AdamW on the squared error to the targets, with
/// early stopping: after each epoch the validation error is measured, the best weights are kept,
/// and training stops when `patience` epochs pass without improvement.
public struct NeuralEmbeddingTrainer: Sendable, Hashable {
    /// Hidden units (default 64).
    public let hiddenCount: Int
    /// Adam step size (default 0.002).
    public let learningRate: Float
    /// Rows per mini-batch (default 32).
    public let batchSize: Int
    /// Upper bound on epochs (default 400).
    public let maxEpochs: Int
    /// Epochs without validation improvement before stopping (default 25).
    public let patience: Int
    /// Decoupled weight decay per step, relative to the step size (default 1e-3).
    public let weightDecay: Float
    /// Seed of the initial weights and the batch order.
    public let seed: UInt64

    /// Checks and stores the parameters.
    public init(hiddenCount: Int = 64, learningRate: Float = 0.002, batchSize: Int = 32, maxEpochs: Int = 400, patience: Int = 25,
                weightDecay: Float = 1e-3, seed: UInt64 = 7) throws(EmbeddingError) {
        guard (1...4096).contains(hiddenCount) else { throw .invalidParameter(InvalidParameter("hidden units", "must be in 1…4096, got \(hiddenCount)")) }
        guard learningRate > 0, learningRate < 1 else { throw .invalidParameter(InvalidParameter("learning rate", "must be in (0, 1), got \(learningRate)")) }
        guard batchSize >= 1, maxEpochs >= 1, patience >= 1 else { throw .invalidParameter(InvalidParameter("batch size, epochs and patience", "must be positive")) }
        guard weightDecay >= 0, weightDecay < 1 else { throw .invalidParameter(InvalidParameter("weight decay", "must be in [0, 1), got \(weightDecay)")) }
        self.hiddenCount = hiddenCount
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.maxEpochs = maxEpochs
        self.patience = patience
        self.weightDecay = weightDecay
        self.seed = seed
    }

    /// What training did.
    public struct Outcome: Sendable {
        /// The network with the best validation error (or after the last epoch, without validation).
        public var model: NeuralEmbedding
        /// The epoch (1-based) whose weights were kept.
        public var bestEpoch: Int
        /// Mean squared error per output on the validation rows at that epoch (nil without them).
        public var validationError: Double?
    }

    /// Trains on `inputs`/`targets`; with validation rows, stops early on them, otherwise runs
    /// `epochs` (default ``maxEpochs``) epochs.
    public func train(inputs: [[Float]], targets: [[Float]], validation: (inputs: [[Float]], targets: [[Float]])? = nil,
                      epochs: Int? = nil) throws(EmbeddingError) -> Outcome {
        guard let d = inputs.first?.count, let k = targets.first?.count, inputs.count == targets.count else {
            throw .invalidInput("the network needs as many feature rows as target rows, both non-empty")
        }
        var random = SeededGenerator(seed: seed)
        var model = NeuralEmbedding(inputCount: d, hiddenCount: hiddenCount, outputCount: k, random: &random)
        var optimizer = AdamState(model: model)
        var gradient = GradientBuffers(model: model)
        var best = (model: model, epoch: 0, error: Double.infinity)
        var hidden = [Float](repeating: 0, count: hiddenCount), output = [Float](repeating: 0, count: k)
        var order = Array(inputs.indices)
        let epochCount = validation == nil ? (epochs ?? maxEpochs) : maxEpochs
        for epoch in 1...epochCount {
            order.shuffle(using: &random)
            var start = 0
            while start < order.count {
                let batch = order[start..<min(order.count, start + batchSize)]
                gradient.reset()
                for row in batch {
                    model.forward(inputs[row], hidden: &hidden, output: &output)
                    gradient.accumulate(model: model, input: inputs[row], hidden: hidden, output: output, target: targets[row])
                }
                optimizer.step(model: &model, gradient: gradient, scale: 1 / Float(batch.count), learningRate: learningRate, weightDecay: weightDecay)
                start += batchSize
            }
            guard model.isFinite else { throw .numerical("the network diverged at epoch \(epoch); lower the learning rate") }
            guard let validation else { best = (model, epoch, .nan); continue }
            let error = Self.meanSquaredError(model, validation.inputs, validation.targets)
            if error < best.error - 1e-7 { best = (model, epoch, error) } else if epoch - best.epoch >= patience { break }
        }
        return Outcome(model: best.model, bestEpoch: best.epoch, validationError: validation == nil ? nil : best.error)
    }

    /// Mean squared error per output of `model` on the rows.
    static func meanSquaredError(_ model: NeuralEmbedding, _ inputs: [[Float]], _ targets: [[Float]]) -> Double {
        guard !inputs.isEmpty else { return 0 }
        var total = 0.0
        for (x, y) in zip(inputs, targets) {
            let predicted = model.predict(x)
            for j in y.indices { total += Double((predicted[j] - y[j]) * (predicted[j] - y[j])) }
        }
        return total / Double(inputs.count * model.outputCount)
    }
}

/// Gradient sums of one mini-batch, laid out like the network's parameters.
struct GradientBuffers {
    var hiddenWeights: [Float], hiddenBiases: [Float], outputWeights: [Float], outputBiases: [Float]
    private var hiddenDelta: [Float]

    init(model: NeuralEmbedding) {
        hiddenWeights = [Float](repeating: 0, count: model.hiddenWeights.count)
        hiddenBiases = [Float](repeating: 0, count: model.hiddenBiases.count)
        outputWeights = [Float](repeating: 0, count: model.outputWeights.count)
        outputBiases = [Float](repeating: 0, count: model.outputBiases.count)
        hiddenDelta = [Float](repeating: 0, count: model.hiddenCount)
    }

    mutating func reset() {
        for index in hiddenWeights.indices { hiddenWeights[index] = 0 }
        for index in hiddenBiases.indices { hiddenBiases[index] = 0 }
        for index in outputWeights.indices { outputWeights[index] = 0 }
        for index in outputBiases.indices { outputBiases[index] = 0 }
    }

    /// Adds the gradient of the squared error of one row (back-propagation through the ReLU).
    mutating func accumulate(model: NeuralEmbedding, input: [Float], hidden: [Float], output: [Float], target: [Float]) {
        let h = model.hiddenCount, d = model.inputCount
        for index in hiddenDelta.indices { hiddenDelta[index] = 0 }
        for unit in 0..<model.outputCount {
            let delta = 2 * (output[unit] - target[unit]) / Float(model.outputCount)
            outputBiases[unit] += delta
            let base = unit * h
            for a in 0..<h {
                outputWeights[base + a] += delta * hidden[a]
                hiddenDelta[a] += delta * model.outputWeights[base + a]
            }
        }
        for unit in 0..<h where hidden[unit] > 0 {
            let delta = hiddenDelta[unit]
            hiddenBiases[unit] += delta
            let base = unit * d
            for a in 0..<d { hiddenWeights[base + a] += delta * input[a] }
        }
    }
}

/// AdamW moment estimates for every parameter (β₁ 0.9, β₂ 0.999).
struct AdamState {
    private var first: [[Float]], second: [[Float]]
    private var decay1: Float = 1, decay2: Float = 1

    init(model: NeuralEmbedding) {
        let sizes = [model.hiddenWeights.count, model.hiddenBiases.count, model.outputWeights.count, model.outputBiases.count]
        first = sizes.map { [Float](repeating: 0, count: $0) }
        second = first
    }

    mutating func step(model: inout NeuralEmbedding, gradient: GradientBuffers, scale: Float, learningRate: Float, weightDecay: Float) {
        decay1 *= 0.9
        decay2 *= 0.999
        let correction1 = 1 - decay1, correction2 = 1 - decay2
        update(&model.hiddenWeights, gradient.hiddenWeights, slot: 0, scale, learningRate, correction1, correction2, decay: weightDecay)
        update(&model.hiddenBiases, gradient.hiddenBiases, slot: 1, scale, learningRate, correction1, correction2, decay: 0)
        update(&model.outputWeights, gradient.outputWeights, slot: 2, scale, learningRate, correction1, correction2, decay: weightDecay)
        update(&model.outputBiases, gradient.outputBiases, slot: 3, scale, learningRate, correction1, correction2, decay: 0)
    }

    private mutating func update(_ parameters: inout [Float], _ gradient: [Float], slot: Int, _ scale: Float, _ learningRate: Float,
                                 _ correction1: Float, _ correction2: Float, decay: Float) {
        for index in parameters.indices {
            let g = gradient[index] * scale
            first[slot][index] = 0.9 * first[slot][index] + 0.1 * g
            second[slot][index] = 0.999 * second[slot][index] + 0.001 * g * g
            let step = (first[slot][index] / correction1) / ((second[slot][index] / correction2).squareRoot() + 1e-8)
            parameters[index] -= learningRate * (step + decay * parameters[index])
        }
    }
}
