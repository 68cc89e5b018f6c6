import Foundation
import Hummingbird
import Logging
import SegueCore
import DJModel

/// Builds the HTTP JSON API over `core`.
///
/// One route collection per resource (``ServiceRoutes``, ``TrackRoutes``, ``SetRoutes``,
/// ``BridgeRoutes``, ``TracklistRoutes``, ``ScanRoutes``, ``WebPageRoutes``), each path from
/// ``APIRoute``. Routes (described at `GET /openapi.json`): `GET /health`, `GET /tracks?query=&limit=&offset=&bpmMin=&bpmMax=&key=&energyMin=&energyMax=&genre=`,
/// `GET /tracks/{id}`,
/// `GET /tracks/{id}/similar?by=als|content|combined&limit=&key=&bpmTolerance=&genre=&energy=`, `POST /sets`, `POST /bridges` (the
/// planned set, stored under its `id`), `GET /sets/{id}`, and
/// `GET /sets/{id}/export?format=&pathPrefix=FROM=TO&name=&volume=&volumeRoot=` (a download),
/// `GET /sets/{id}/positions/{position}/alternatives?limit=` and `POST /sets/{id}/replace`
/// `{ "position", "track" }` (the edited set, stored under a new id), `POST /scans` `{ "folder" }`
/// (202 with the job; 409 while that folder is being scanned), `GET /scans/{id}` and
/// `GET /scans/{id}/events` (server-sent events), `POST /tracklists?format=&name=` (a file to import).
/// Every error is `{ "error": message }` with a 4xx/5xx status. Every response carries an
/// `X-Request-Id`, and every request is logged with it (``RequestLogMiddleware``).
/// - Parameter onRunning: called with the bound port once the server accepts connections.
///
/// Safety (see the README's threat model): track queries name library tracks only (the facade is
/// ``Segue/answeringRemoteClients()``, which never opens a path a request names);
/// ``RequestGuardMiddleware`` refuses foreign `Host` names and cross-site state changes; JSON is
/// accepted only as `application/json`; use cases run off the server's threads (``BlockingWork``)
/// within the planning budget; idle or half-sent connections are closed after
/// ``ServerConfiguration/idleTimeoutSeconds``.
public func buildApplication(core: Segue, configuration: ServerConfiguration,
                             onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let core = core.answeringRemoteClients()
    let router = Router()
    router.middlewares.add(RequestLogMiddleware())
    router.middlewares.add(ErrorMiddleware())
    router.middlewares.add(RequestGuardMiddleware(allowedHosts: RequestGuardMiddleware<BasicRequestContext>.allowedHosts(
        boundTo: configuration.host, extra: configuration.allowedHosts)))
    let limit = configuration.maxBodyBytes
    router.addRoutes(ServiceRoutes(core: core).routes)
    router.addRoutes(TrackRoutes(core: core, maxBodyBytes: limit).routes)
    let renders = RenderJobs()
    router.addRoutes(SetRoutes(core: core, maxBodyBytes: limit, renders: renders).routes)
    router.addRoutes(BridgeRoutes(core: core, maxBodyBytes: limit).routes)
    router.addRoutes(TracklistRoutes(core: core).routes)
    let scans = ScanJobs(core: core, stallLimit: .seconds(configuration.scanStallSeconds))
    router.addRoutes(ScanRoutes(scans: scans, maxBodyBytes: limit).routes)
    router.addRoutes(RenderRoutes(core: core, renders: renders).routes)
    router.addRoutes(WebPageRoutes.routes)
    router.addRoutes(NotFoundRoutes().routes)

    // Bounded connections, and none held by a client that stopped reading (ConnectionGuard).
    let connections = ConnectionRegistry.forThisProcess()
    var logger = Logger(label: "segue.server")
    logger.logLevel = configuration.logLevel
    return Application(
        responder: HeadRequestResponder(base: router.buildResponder()),
        server: .http1(configuration: .init(additionalChannelHandlers: [MalformedRequestHandler(), ConnectionGuard(registry: connections)],
                                            idleTimeout: .seconds(Int64(configuration.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Segue"),
        onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger)
}
