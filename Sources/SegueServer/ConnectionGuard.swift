import Foundation
import NIOCore
import Synchronization

/// The server's open connections, bounded in total and per client address. A new connection
/// over a bound is never refused: the connection it displaces is one whose client stopped
/// reading (its writes stalled), else the one idle longest — so a client that opens hundreds of
/// connections and never reads cannot keep `/health` or anyone else out, nor exhaust the
/// process's file descriptors.
final class ConnectionRegistry: Sendable {
    /// One connection as the registry sees it.
    private struct Entry {
        let channel: any Channel
        let address: String
        var stalledSince: NIODeadline?
        var lastActivity: NIODeadline
    }

    /// Most connections open at once.
    let maxConnections: Int
    /// Most connections open at once from one client address.
    let maxPerAddress: Int
    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

    /// A registry with these bounds (each at least 4).
    init(maxConnections: Int, maxPerAddress: Int) {
        self.maxConnections = max(4, maxConnections)
        self.maxPerAddress = max(4, min(maxPerAddress, maxConnections))
    }

    /// The bounds for this process: half the file descriptors it may open (each connection may
    /// hold a socket and an audio file), less a reserve for the library and logs.
    static func forThisProcess() -> ConnectionRegistry {
        var limit = rlimit()
        let descriptors = getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 ? Int(clamping: limit.rlim_cur) : 1024
        let total = max(8, min(4096, (descriptors - 48) / 2))
        return ConnectionRegistry(maxConnections: total, maxPerAddress: max(4, total * 3 / 4))
    }

    /// Registers `channel`, closing another connection when a bound is reached.
    func opened(_ channel: any Channel) {
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let victims: [any Channel] = entries.withLock { entries in
            entries[ObjectIdentifier(channel)] = Entry(channel: channel, address: address, stalledSince: nil, lastActivity: .now())
            var victims: [any Channel] = []
            func evict(from pool: [(key: ObjectIdentifier, value: Entry)]) {
                // Stalled writers first (oldest stall), then the longest idle.
                let candidates = pool.filter { $0.key != ObjectIdentifier(channel) }
                let pick = candidates.filter { $0.value.stalledSince != nil }.min { $0.value.stalledSince! < $1.value.stalledSince! }
                    ?? candidates.min { $0.value.lastActivity < $1.value.lastActivity }
                guard let pick else { return }
                victims.append(pick.value.channel)
                entries[pick.key] = nil
            }
            let sameAddress = entries.filter { $0.value.address == address }
            if sameAddress.count > maxPerAddress { evict(from: Array(sameAddress)) }
            if entries.count > maxConnections { evict(from: Array(entries)) }
            return victims
        }
        for victim in victims { victim.close(promise: nil) }
    }

    /// Forgets `channel` (closed).
    func closed(_ channel: any Channel) { _ = entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) } }

    /// Notes that `channel` read or wrote something.
    func active(_ channel: any Channel) {
        entries.withLock { $0[ObjectIdentifier(channel)]?.lastActivity = .now() }
    }

    /// Notes whether `channel`'s writes are stalled (its client stopped reading).
    func stalled(_ channel: any Channel, _ stalled: Bool) {
        entries.withLock { entries in
            guard var entry = entries[ObjectIdentifier(channel)] else { return }
            entry.stalledSince = stalled ? (entry.stalledSince ?? .now()) : nil
            entries[ObjectIdentifier(channel)] = entry
        }
    }
}

/// Per connection: registers it with the ``ConnectionRegistry`` and closes it when its writes
/// make no progress for ``writeStallSeconds`` (a client that requested audio and stopped
/// reading holds a socket and an open file otherwise).
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny

    /// Seconds a connection's writes may stay blocked before it is closed.
    static let writeStallSeconds: Int64 = 20

    private let registry: ConnectionRegistry
    // Touched only on the channel's event loop.
    private var stallTimer: Scheduled<Void>?
    private var registered = false

    init(registry: ConnectionRegistry) {
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context)
        context.fireChannelActive()
    }

    private func register(_ context: ChannelHandlerContext) {
        guard !registered else { return }
        registered = true
        registry.opened(context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stallTimer?.cancel()
        registry.closed(context.channel)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stallTimer?.cancel()
        registry.closed(context.channel)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        registry.active(context.channel)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        registry.active(context.channel)
        context.write(data, promise: promise)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        let writable = context.channel.isWritable
        registry.stalled(context.channel, !writable)
        if writable {
            stallTimer?.cancel()
            stallTimer = nil
        } else if stallTimer == nil {
            let channel = context.channel
            stallTimer = context.eventLoop.scheduleTask(in: .seconds(Self.writeStallSeconds)) {
                if !channel.isWritable { channel.close(promise: nil) }
            }
        }
        context.fireChannelWritabilityChanged()
    }
}
