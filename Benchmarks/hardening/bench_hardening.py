#!/usr/bin/env python3
"""The hardening targets measured from outside, against `segue serve` on a copy of a library.

1. Previews under load: plans SETS sets over the API, then asks for 4 transition previews of each
   at once (24 by default) while two probes request /health and a search every 20 ms; prints the
   probes' p50/p99/max latency in ms, how the previews were answered (200 rendered or cached, 503
   with Retry-After) and clients asked to come back are not retried.
2. Clients that stop reading: a second server started with `ulimit -n 256`; CLIENTS connections
   (300) each request a track's audio and never read; then /health is asked 50 times, one new
   connection each, and the answers and their latency are printed.

Usage: bench_hardening.py --segue .build/release/segue --library LIBRARY [--sets 6] [--clients 300]
The library is copied first (`VACUUM INTO`): the benchmark stores sets in the copy only.
"""
import argparse, http.client, json, os, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time


def start(segue, library, ulimit=None):
    command = f'{"ulimit -n %d && " % ulimit if ulimit else ""}exec "$0" serve --library "$1" --port 0 --log-level error'
    server = subprocess.Popen(["bash", "-c", command, segue, library], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    port = int(line.strip().rsplit(":", 1)[1])
    return server, port


def call(port, method, path, body=None, timeout=120):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    return answer.status, dict(answer.getheaders()), data


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered))) - 1))]


def previews_under_load(segue, library, sets):
    server, port = start(segue, library)
    try:
        tracks = json.loads(call(port, "GET", "/tracks?limit=200")[2])["tracks"]
        ids = []
        for track in tracks:
            if len(ids) == sets:
                break
            status, _, data = call(port, "POST", "/sets", {"seed": track["id"], "minutes": 30})
            if status == 200 and len(json.loads(data)["transitions"]) >= 4:
                ids.append(json.loads(data)["id"])
        latencies = {"/health": [], "/tracks?query=a": []}
        stop = threading.Event()

        def probe(path):
            while not stop.is_set():
                started = time.perf_counter()
                call(port, "GET", path, timeout=30)
                latencies[path].append((time.perf_counter() - started) * 1000)
                time.sleep(0.02)

        probes = [threading.Thread(target=probe, args=(path,)) for path in latencies]
        for thread in probes:
            thread.start()
        outcomes, lock = [], threading.Lock()

        def preview(set_id, number):
            started = time.perf_counter()
            status, headers, data = call(port, "GET", f"/sets/{set_id}/transitions/{number}/preview", timeout=300)
            with lock:
                outcomes.append((status, headers.get("Retry-After"), time.perf_counter() - started))
                if status not in (200, 503):
                    print(f"  preview {set_id}/{number}: {status} {data[:200]!r}")

        started = time.perf_counter()
        requests = [threading.Thread(target=preview, args=(set_id, n)) for set_id in ids for n in range(1, 5)]
        for thread in requests:
            thread.start()
        for thread in requests:
            thread.join()
        elapsed = time.perf_counter() - started
        stop.set()
        for thread in probes:
            thread.join()
        print(f"previews: {len(requests)} asked at once over {len(ids)} sets, all answered in {elapsed:.1f} s: "
              f"{sum(1 for o in outcomes if o[0] == 200)} rendered, {sum(1 for o in outcomes if o[0] == 503)} 503 "
              f"(Retry-After {sorted({o[1] for o in outcomes if o[0] == 503})}), other {[o[0] for o in outcomes if o[0] not in (200, 503)]}")
        for path, values in latencies.items():
            print(f"  {path} during them: {len(values)} requests, p50 {statistics.median(values):.1f} ms, "
                  f"p99 {percentile(values, 0.99):.1f} ms, max {max(values):.1f} ms")
    finally:
        server.terminate()
        server.wait()


def stalled_clients(segue, library, clients):
    server, port = start(segue, library, ulimit=256)
    stuck = []
    try:
        track = json.loads(call(port, "GET", "/tracks?limit=1")[2])["tracks"][0]["id"]
        for _ in range(clients):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(b"GET /tracks/%d/audio HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % (track, port))
            stuck.append(s)
        answered, latencies = 0, []
        for _ in range(50):
            started = time.perf_counter()
            try:
                if call(port, "GET", "/health", timeout=5)[0] == 200:
                    answered += 1
            except Exception as error:
                print("  health failed:", error)
            latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.05)
        print(f"{clients} clients requesting audio and never reading, server limited to 256 descriptors: "
              f"/health answered {answered} of 50, p50 {statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms; "
              f"server running: {server.poll() is None}")
    finally:
        for s in stuck:
            s.close()
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--segue", required=True)
    parser.add_argument("--library", required=True)
    parser.add_argument("--sets", type=int, default=6)
    parser.add_argument("--clients", type=int, default=300)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="segue-bench-hardening-")
    copy = os.path.join(folder, "library.sqlite")
    source = sqlite3.connect(arguments.library)
    source.execute("VACUUM INTO ?", (copy,))
    source.close()
    previews_under_load(arguments.segue, copy, arguments.sets)
    stalled_clients(arguments.segue, copy, arguments.clients)


if __name__ == "__main__":
    main()
