// swift-tools-version: 6.0
import PackageDescription

/// No unsafe flags, so that `SegueCore` can be depended on by version. Release builds are plain
/// `-O`: the hot loops (ALS's conjugate-gradient solve, the Gram matrix, SIMD dot products, the STFT
/// frame, the mel bank, the power spectrum) index unsafe buffers with wrapping arithmetic (`&+`,
/// `&*`), which is what `-Ounchecked` used to buy; measured against `-Ounchecked` in the same run,
/// within the machine's noise (README, "Build flags"). Tests synthesise and analyse real audio,
/// 20–50× slower unoptimised, so `make test` and CI build them with `swift test -Xswiftc -O`.
let package = Package(
    name: "Segue",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "segue", targets: ["segue"]),
        .library(name: "SegueCore", targets: ["SegueCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Layer 0: system libraries and the domain model.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CFFTW", pkgConfig: "fftw3f", providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(name: "CTagLib", pkgConfig: "taglib_c", providers: [.apt(["libtagc0-dev"])]),
        .systemLibrary(name: "CEBUR128", pkgConfig: "libebur128", providers: [.apt(["libebur128-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate", providers: [.apt(["libsamplerate0-dev"])]),
        .systemLibrary(name: "CRubberBand", pkgConfig: "rubberband", providers: [.apt(["librubberband-dev"])]),
        .target(name: "DJModel"),

        // Layer 1: shared numerics, signal processing and audio input/output.
        .target(name: "SegueMath"),
        .target(name: "DSP", dependencies: ["DJModel", "CFFTW"]),
        // TagLib's C++ classes behind a small C interface: binary objects (GEOB frames, Vorbis comment
        // fields) that its C API cannot reach.
        .target(name: "CTagObjects", linkerSettings: [.linkedLibrary("tag")]),
        .target(name: "AudioIO", dependencies: ["CSndFile", "CTagLib", "CTagObjects", "CSampleRate", "DJModel", "SegueMath"]),

        // Layer 2: estimators, learning, storage, planning, formats, synthesis.
        .target(name: "Analysis", dependencies: ["DSP", "DJModel", "CEBUR128"]),
        .target(name: "CPrefetch"),
        .target(name: "Recommender", dependencies: ["DJModel", "SegueMath", "CPrefetch"]),
        .target(name: "Embedding", dependencies: ["DJModel", "SegueMath"]),
        .target(name: "Library", dependencies: ["DJModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "SetGraph", dependencies: ["DJModel", "SegueMath", .product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "PlaylistFormats", dependencies: ["DJModel"]),
        .target(name: "TrackSynth", dependencies: ["DJModel", "SegueMath"]),
        .target(name: "Mixing", dependencies: ["DJModel", "DSP", "AudioIO", "CRubberBand", "CEBUR128"]),

        // Layer 3: use cases.
        .target(name: "SegueCore", dependencies: [
            "DJModel", "AudioIO", "Analysis", "Recommender", "Embedding", "Library",
            "SetGraph", "Mixing", "PlaylistFormats", "TrackSynth",
        ], resources: [.embedInCode("Resources/segue_spark_als.py")]),

        // Layer 3½: tooling the command line offers beside the product (demo, synthetic catalogue,
        // benchmarks). The server does not depend on it.
        .target(name: "SegueTools", dependencies: [
            "SegueCore", "DJModel", "SegueMath", "AudioIO", "Library", "SetGraph", "Mixing", "PlaylistFormats", "TrackSynth",
        ]),

        // Layer 4: the HTTP server and the command line.
        .target(name: "SegueServer", dependencies: [
            "SegueCore", "DJModel", "AudioIO", "Mixing", "PlaylistFormats", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
        ], resources: [
            .embedInCode("Resources/index.html"), .embedInCode("Resources/app.js"), .embedInCode("Resources/app.css"),
            .embedInCode("Resources/openapi.json"),
        ]),
        .executableTarget(name: "segue", dependencies: [
            "SegueCore", "SegueTools", "SegueServer", "DJModel", "AudioIO", "Analysis", "TrackSynth", "Recommender", "SetGraph", "PlaylistFormats",
            "Mixing", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "DJModelTests", dependencies: ["DJModel"]),
        .testTarget(name: "SegueMathTests", dependencies: ["SegueMath"]),
        .testTarget(name: "DSPTests", dependencies: ["DSP"]),
        .testTarget(name: "AudioIOTests", dependencies: ["AudioIO", "DJModel"]),
        .testTarget(name: "AnalysisTests", dependencies: ["SegueMath", "Analysis", "TrackSynth", "AudioIO", "DJModel"]),
        .testTarget(name: "RecommenderTests", dependencies: ["Recommender"]),
        .testTarget(name: "EmbeddingTests", dependencies: ["SegueMath", "Embedding", "DJModel"]),
        .testTarget(name: "LibraryTests", dependencies: ["Library", "DJModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SetGraphTests", dependencies: ["SetGraph", "DJModel"]),
        .testTarget(name: "MixingTests", dependencies: ["Mixing", "DJModel", "AudioIO"]),
        .testTarget(name: "PlaylistFormatsTests", dependencies: ["SegueMath", "PlaylistFormats", "DJModel"],
                    exclude: ["ThirdParty"]),  // the readers the tests run from their source folder
        .testTarget(name: "TrackSynthTests", dependencies: ["TrackSynth", "DJModel"]),
        .testTarget(name: "SegueCoreTests", dependencies: ["SegueMath", "SegueCore", "SegueTools", "Analysis", "AudioIO", "Library", "TrackSynth", "DJModel", "SetGraph", "Mixing", "Recommender", "PlaylistFormats"],
                    exclude: ["ThirdParty"]),
        .testTarget(name: "segueTests", dependencies: ["segue"]),
        .testTarget(name: "SegueToolsTests", dependencies: ["SegueTools", "SegueCore", "SetGraph", "DJModel"]),
        .testTarget(name: "SegueServerTests", dependencies: ["SegueServer", "SegueCore", "SegueTools", "DJModel", "SetGraph", "PlaylistFormats",
                                                             .product(name: "Hummingbird", package: "hummingbird"),
                                                             .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                             .product(name: "HTTPTypes", package: "swift-http-types")],
                    exclude: ["Browser"]),
    ],
    swiftLanguageModes: [.v6]
)
