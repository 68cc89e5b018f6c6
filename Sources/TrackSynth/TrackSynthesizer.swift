import DJModel
import Foundation
import SegueMath

/// Synthesises a dance track of a given style, tempo, key and length, deterministically from a seed.
///
/// Drums follow the style's idiomatic pattern on a 16-step grid; a bass line and four-bar chord
/// progressions (each starting and ending on the tonic) establish the key; an arpeggiated lead
/// plays in the middle sections; a drums-only intro and outro frame the track as DJ edits do.
/// Complexity O(duration · sampleRate · voices).
public struct TrackSynthesizer: Sendable {
    private let sine = SineTable()

    /// Creates a synthesiser.
    public init() {}

    /// Renders `spec` as mono samples in −1…1 at `spec.sampleRate`: the arrangement drawn from the
    /// seed, then bar by bar the drums, bass, pad, drone and lead, then reverb, noise and mastering.
    public func render(_ spec: SynthesisSpec) -> [Float] {
        var random = SeededGenerator(seed: spec.seed)
        let plan = Arrangement(spec: spec, random: &random)
        var drums = [Float](repeating: 0, count: plan.sampleCount)
        var music = [Float](repeating: 0, count: plan.sampleCount)
        for bar in 0..<plan.barCount {
            let chord = plan.progression[bar % plan.progression.count]
            let inBreakdown = plan.breakdown.contains(bar)
            if !inBreakdown { addDrums(bar: bar, plan: plan, to: &drums, random: &random) }
            guard plan.hasMusic(bar: bar) else { continue }
            if !inBreakdown { addBass(bar: bar, chord: chord, plan: plan, to: &music) }
            addPad(bar: bar, chord: chord, plan: plan, to: &music)
            if bar % plan.progression.count == 0 || inBreakdown { addDrone(bar: bar, plan: plan, to: &music) }
            let quarter = bar * 4 / max(plan.barCount, 1)
            if quarter == 1 || quarter == 3 || inBreakdown { addLead(bar: bar, chord: chord, plan: plan, to: &music) }
        }
        var mix = [Float](repeating: 0, count: plan.sampleCount)
        for index in 0..<plan.sampleCount { mix[index] = drums[index] + music[index] }
        if spec.reverb > 0 { applyReverb(to: &mix, amount: spec.reverb, rate: plan.rate) }
        if spec.noiseLevel > 0 {
            let rms = sqrt(mix.reduce(0) { $0 + $1 * $1 } / Float(max(plan.sampleCount, 1)))
            for index in 0..<plan.sampleCount { mix[index] += spec.noiseLevel * rms * random.noise() }
        }
        master(&mix, style: spec.style, variation: Float(Double(random.next() % 1000) / 1000))
        return mix
    }

    /// What a track plays, drawn from its seed in a fixed order: the drum pattern, the chord
    /// progression, the kick's pitch, the lead's seed and the instruments; and where its
    /// drums-only intro and outro and its breakdown fall.
    private struct Arrangement {
        let spec: SynthesisSpec
        let rate: Double, sampleCount: Int
        let barSeconds: Double, stepSeconds: Double, barCount: Int
        let pattern: DrumPattern
        let progression: [Harmony.Chord]
        let scale: [Int]
        /// Bars of drums only at each end (the DJ intro and outro).
        let frame: Int
        let breakdown: Range<Int>
        let kickPitch: Double
        let leadSeed: UInt64
        let sounds: Instrumentation
        let tuning: Double

        init(spec: SynthesisSpec, random: inout SeededGenerator) {
            self.spec = spec
            rate = Double(spec.sampleRate)
            sampleCount = Int(saturating: spec.duration * rate)
            barSeconds = 240 / spec.bpm
            stepSeconds = barSeconds / 16
            barCount = Int(saturating: ceil(spec.duration / barSeconds))
            let variant = Int(random.next() % 6)
            pattern = DrumPattern.pattern(for: spec.style, variant: variant)
            progression = Harmony.progression(mode: spec.key.mode, variant: Int(random.next() % 3))
            scale = Harmony.scale(mode: spec.key.mode)
            frame = spec.djIntroOutro ? min(16, barCount / 6) : 0
            breakdown = barCount >= 48 ? (barCount / 2 - 4)..<(barCount / 2 + 4) : 0..<0
            kickPitch = 45 + Double(random.next() % 15)
            leadSeed = random.next()
            sounds = Instrumentation(seed: spec.seed)
            tuning = pow(2, spec.tuningCents / 1200)
        }

        /// Whether the bass, pad and lead play in `bar`: everywhere but the intro and outro, except
        /// the intro's last bar and the outro's first four.
        func hasMusic(bar: Int) -> Bool {
            let inIntroOrOutro = bar < frame || bar >= barCount - frame
            return !inIntroOrOutro || bar == frame - 1 || bar >= barCount - frame && bar < barCount - frame + 4
        }
    }

    /// The style's drum pattern over one bar's 16 steps (swing on the off-sixteenths).
    private func addDrums(bar: Int, plan: Arrangement, to drums: inout [Float], random: inout SeededGenerator) {
        let pattern = plan.pattern, rate = plan.rate
        let barStart = Double(bar) * plan.barSeconds
        for step in 0..<16 {
            let swingDelay = step % 4 == 2 ? pattern.swing * plan.stepSeconds : 0
            let time = barStart + Double(step) * plan.stepSeconds + swingDelay
            let at = Int(saturating: time * rate)
            if pattern.kick.contains(step) { addKick(to: &drums, at: at, rate: rate, basePitch: plan.kickPitch, gain: 0.9) }
            if pattern.snare.contains(step) { addSnare(to: &drums, at: at, rate: rate, gain: 0.5, random: &random) }
            if pattern.clap.contains(step) { addClap(to: &drums, at: at, rate: rate, gain: 0.35, random: &random) }
            if pattern.closedHat.contains(step) {
                addHat(to: &drums, at: at, rate: rate, decay: 0.03, gain: step % 4 == 2 ? 0.16 : 0.1, random: &random)
            }
            if pattern.openHat.contains(step) { addHat(to: &drums, at: at, rate: rate, decay: 0.16, gain: 0.12, random: &random) }
        }
    }

    /// The bass: the chord root, in the style's rhythm.
    private func addBass(bar: Int, chord: Harmony.Chord, plan: Arrangement, to music: inout [Float]) {
        let barStart = Double(bar) * plan.barSeconds
        let bassMidi = 36 + (plan.spec.key.tonic + chord.rootOffset) % 12
        for (step, length) in bassRhythm(for: plan.spec.style) {
            addTone(to: &music, start: barStart + Double(step) * plan.stepSeconds, length: Double(length) * plan.stepSeconds,
                    midi: bassMidi, harmonics: plan.sounds.bass, gain: 0.32, rate: plan.rate, tuning: plan.tuning)
        }
    }

    /// The pad: one sustained triad per bar, voiced in octave 4 (louder in the breakdown).
    private func addPad(bar: Int, chord: Harmony.Chord, plan: Arrangement, to music: inout [Float]) {
        let barStart = Double(bar) * plan.barSeconds
        for (index, offset) in chord.notes.enumerated() {
            let midi = plan.sounds.chordNote(index: index, pitchClass: (plan.spec.key.tonic + offset) % 12, offset: offset)
            addTone(to: &music, start: barStart, length: plan.barSeconds, midi: midi, harmonics: plan.sounds.pad,
                    gain: plan.breakdown.contains(bar) ? 0.16 : 0.11, rate: plan.rate, tuning: plan.tuning, attack: 0.05, release: 0.2)
        }
    }

    /// The tonic drone an octave up, for half a bar (in the breakdown and at each progression's start).
    private func addDrone(bar: Int, plan: Arrangement, to music: inout [Float]) {
        addTone(to: &music, start: Double(bar) * plan.barSeconds, length: plan.barSeconds / 2, midi: 60 + plan.spec.key.tonic,
                harmonics: [1, 0.3], gain: 0.08, rate: plan.rate, tuning: plan.tuning, attack: 0.02, release: 0.3)
    }

    /// The lead: an arpeggio of chord and scale tones in eighths, the same every eight bars.
    private func addLead(bar: Int, chord: Harmony.Chord, plan: Arrangement, to music: inout [Float]) {
        let barStart = Double(bar) * plan.barSeconds
        var leadRandom = SeededGenerator(seed: plan.leadSeed &+ UInt64(bar % 8))
        for eighth in 0..<8 {
            let useChord = eighth % 2 == 0
            let offset = useChord ? chord.notes[Int(leadRandom.next() % 3)] : plan.scale[Int(leadRandom.next() % 7)]
            addTone(to: &music, start: barStart + Double(eighth) * 2 * plan.stepSeconds, length: 1.6 * plan.stepSeconds,
                    midi: 72 + (plan.spec.key.tonic + offset) % 12, harmonics: plan.sounds.lead, gain: 0.07, rate: plan.rate,
                    tuning: plan.tuning, attack: 0.005, release: 0.05)
        }
    }

    /// Mastering as dance records are: normalise, drive into a tanh saturator (harder for
    /// peak-time styles, so they end up loud and dense, about −8 to −10 LUFS; downtempo stays
    /// near −16), then set the output peak with a little per-track variation.
    private func master(_ mix: inout [Float], style: DJStyle, variation: Float) {
        let peak = mix.reduce(0) { max($0, abs($1)) }
        guard peak > 0 else { return }
        let drive = masteringDrive(for: style) * (0.8 + 0.4 * variation)
        let normaliser = 1 / tanh(drive)
        let outputPeak = 0.98 - 0.1 * variation
        for index in mix.indices { mix[index] = outputPeak * normaliser * tanh(drive * mix[index] / peak) }
    }

    /// Saturation drive by style: gentle for downtempo, hard for peak-time styles.
    private func masteringDrive(for style: DJStyle) -> Float {
        switch style {
        case .downtempo: return 0.6
        case .hipHop: return 1.5
        case .house, .breakbeat: return 2.5
        case .trance: return 3
        case .techno, .dubstep: return 3.5
        case .drumAndBass: return 4
        }
    }

    /// Bass notes per bar as (start step, length in steps).
    private func bassRhythm(for style: DJStyle) -> [(Int, Int)] {
        switch style {
        case .house, .trance: return [(2, 2), (6, 2), (10, 2), (14, 2)]
        case .techno: return [(1, 1), (2, 1), (3, 1), (5, 1), (6, 1), (7, 1), (9, 1), (10, 1), (11, 1), (13, 1), (14, 1), (15, 1)]
        case .drumAndBass, .dubstep, .downtempo: return [(0, 8), (8, 8)]
        case .hipHop: return [(0, 3), (7, 2), (10, 4)]
        case .breakbeat: return [(0, 3), (6, 2), (10, 4)]
        }
    }

    private func frequency(midi: Int) -> Double { 440 * pow(2, Double(midi - 69) / 12) }

    private func addKick(to buffer: inout [Float], at start: Int, rate: Double, basePitch: Double, gain: Float) {
        let length = Int(saturating: 0.35 * rate)
        var phase = 0.0
        for offset in 0..<length where start + offset < buffer.count {
            let time = Double(offset) / rate
            let pitch = basePitch + 110 * exp(-time / 0.03)
            phase += pitch / rate
            let envelope = Float(exp(-time / 0.12))
            buffer[start + offset] += gain * envelope * sine.value(cycles: phase)
        }
    }

    private func addSnare(to buffer: inout [Float], at start: Int, rate: Double, gain: Float, random: inout SeededGenerator) {
        let length = Int(saturating: 0.2 * rate)
        var previous: Float = 0
        for offset in 0..<length where start + offset < buffer.count {
            let time = Double(offset) / rate
            let white = random.noise()
            let bright = white - previous
            previous = white
            let noise = bright * Float(exp(-time / 0.05))
            let tone = sine.value(cycles: 185 * time) * Float(exp(-time / 0.04))
            buffer[start + offset] += gain * (0.7 * noise + 0.5 * tone)
        }
    }

    private func addClap(to buffer: inout [Float], at start: Int, rate: Double, gain: Float, random: inout SeededGenerator) {
        let length = Int(saturating: 0.15 * rate)
        for offset in 0..<length where start + offset < buffer.count {
            let time = Double(offset) / rate
            let burst = time.truncatingRemainder(dividingBy: 0.011) < 0.004 || time > 0.03 ? 1.0 : 0.3
            buffer[start + offset] += gain * random.noise() * Float(burst * exp(-time / 0.035))
        }
    }

    /// A hi-hat: white noise through a band-pass around 7 kHz (RBJ biquad, Q ≈ 0.9), so that its
    /// energy sits where real cymbals have it rather than at the Nyquist frequency.
    private func addHat(to buffer: inout [Float], at start: Int, rate: Double, decay: Double, gain: Float, random: inout SeededGenerator) {
        let length = Int(saturating: decay * 5 * rate)
        let center = min(7000, rate * 0.3), q = 0.9
        let omega = 2 * Double.pi * center / rate
        let alpha = sin(omega) / (2 * q)
        let a0 = 1 + alpha
        let b0 = Float(alpha / a0), b2 = Float(-alpha / a0)
        let a1 = Float(-2 * cos(omega) / a0), a2 = Float((1 - alpha) / a0)
        var x1: Float = 0, x2: Float = 0, y1: Float = 0, y2: Float = 0
        for offset in 0..<length where start + offset < buffer.count {
            let x = random.noise()
            let y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2
            x2 = x1
            x1 = x
            y2 = y1
            y1 = y
            buffer[start + offset] += gain * 1.4 * y * Float(exp(-Double(offset) / rate / decay))
        }
    }

    private func addTone(to buffer: inout [Float], start: Double, length: Double, midi: Int, harmonics: [Float], gain: Float,
                         rate: Double, tuning: Double = 1, attack: Double = 0.01, release: Double = 0.03) {
        let first = Int(saturating: start * rate), count = Int(saturating: (length + release) * rate)
        let base = frequency(midi: midi) * tuning
        let nyquist = rate / 2
        for offset in 0..<count where first + offset < buffer.count {
            let time = Double(offset) / rate
            let envelope: Double
            if time < attack { envelope = time / attack }
            else if time < length { envelope = 1 }
            else { envelope = max(0, 1 - (time - length) / release) }
            var sample: Float = 0
            for (index, amplitude) in harmonics.enumerated() {
                let harmonicFrequency = base * Double(index + 1)
                if harmonicFrequency >= nyquist { break }
                sample += amplitude * sine.value(cycles: harmonicFrequency * time)
            }
            buffer[first + offset] += gain * Float(envelope) * sample
        }
    }

    /// A Schroeder reverb: four parallel feedback combs and two series all-passes.
    private func applyReverb(to buffer: inout [Float], amount: Float, rate: Double) {
        let combDelays = [0.0297, 0.0371, 0.0411, 0.0437].map { Int(saturating: $0 * rate) }
        var wet = [Float](repeating: 0, count: buffer.count)
        for delay in combDelays {
            var line = [Float](repeating: 0, count: delay)
            var position = 0
            for index in buffer.indices {
                let output = line[position]
                line[position] = buffer[index] + 0.78 * output
                wet[index] += output * 0.25
                position = (position + 1) % delay
            }
        }
        for delay in [0.005, 0.0017].map({ Int(saturating: $0 * rate) }) {
            var line = [Float](repeating: 0, count: delay)
            var position = 0
            for index in wet.indices {
                let delayed = line[position]
                let input = wet[index]
                let output = -0.7 * input + delayed
                line[position] = input + 0.7 * output
                wet[index] = output
                position = (position + 1) % delay
            }
        }
        for index in buffer.indices { buffer[index] = (1 - 0.5 * amount) * buffer[index] + amount * wet[index] }
    }
}
