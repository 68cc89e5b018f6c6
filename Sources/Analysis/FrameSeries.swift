/// A few numbers per analysis frame over a whole track, kept for the structure pass (bars,
/// phrases, sections), which can only run once the tempo and beat grid are known.
///
/// Frame `i` describes the audio around `origin + i / frameRate` seconds. Values are stored
/// row by row, `width` per frame.
public struct FrameSeries: Sendable {
    /// Frames per second.
    public let frameRate: Double
    /// The time, in seconds, that frame 0 describes (the centre of its window).
    public let origin: Double
    /// Values per frame.
    public let width: Int
    /// `width` values per frame, frame after frame.
    public private(set) var values: [Float] = []

    /// An empty series of `width` values per frame.
    public init(frameRate: Double, origin: Double, width: Int) {
        self.frameRate = frameRate
        self.origin = origin
        self.width = width
    }

    /// Number of frames.
    public var count: Int { width > 0 ? values.count / width : 0 }

    /// Appends one frame (`frame.count == width`).
    public mutating func append<C: Collection<Float>>(_ frame: C) {
        precondition(frame.count == width, "a frame of \(frame.count) values in a series of width \(width)")
        values.append(contentsOf: frame)
    }

    /// The time frame `index` describes.
    public func time(of index: Int) -> Double { origin + Double(index) / frameRate }

    /// The mean of each value over the frames describing times in `start..<end` (zeros when no
    /// frame falls inside; the nearest frame when the span is shorter than a frame).
    public func mean(from start: Double, to end: Double) -> [Float] {
        var sums = [Float](repeating: 0, count: width)
        guard count > 0, end > start else { return sums }
        var first = Int(saturating: ((start - origin) * frameRate).rounded(.up))
        var last = Int(saturating: ((end - origin) * frameRate).rounded(.up)) - 1
        first = max(0, first)
        last = min(count - 1, last)
        if first > last {
            let nearest = Int(saturating: ((start + end) / 2 - origin) * frameRate + 0.5)
            guard nearest >= 0, nearest < count else { return sums }
            (first, last) = (nearest, nearest)
        }
        for frame in first...last {
            let base = frame * width
            for column in 0..<width { sums[column] += values[base + column] }
        }
        let scale = 1 / Float(last - first + 1)
        return sums.map { $0 * scale }
    }
}

/// Averages consecutive frames of a fine series in groups, so a long track keeps a coarse copy
/// (about ten frames a second) for the structure pass.
struct FrameGrouper {
    private(set) var series: FrameSeries
    private let groupSize: Int
    private var sums: [Float]
    private var filled = 0

    /// Groups of `groupSize` frames of a source at `sourceRate` frames per second whose frame 0
    /// describes time `sourceOrigin`.
    init(sourceRate: Double, sourceOrigin: Double, groupSize: Int, width: Int) {
        self.groupSize = groupSize
        let rate = sourceRate / Double(groupSize)
        series = FrameSeries(frameRate: rate, origin: sourceOrigin + Double(groupSize - 1) / 2 / sourceRate, width: width)
        sums = [Float](repeating: 0, count: width)
    }

    /// Adds one source frame.
    mutating func add(_ frame: [Float]) {
        for index in sums.indices { sums[index] += frame[index] }
        filled += 1
        if filled == groupSize {
            let scale = 1 / Float(groupSize)
            series.append(sums.lazy.map { $0 * scale })
            for index in sums.indices { sums[index] = 0 }
            filled = 0
        }
    }
}
