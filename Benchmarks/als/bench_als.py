#!/usr/bin/env python3
"""ALS benchmark: `segue als` against `implicit` (PyPI) on the same synthetic DJ-set data, in one run.

Data: DJ sets drawn from hidden scenes (sub-styles). Each scene owns a block of tracks; a set
picks one scene (a few sets mix in a second one), a length of 10-40 tracks, and tracks by
power-law popularity inside its scene. Sizes (interactions): small ~64k, medium ~1M, large ~8M.
Held-out split: 20 % of the tracks of 10 % of the sets are hidden from training.

Both trainers get the same CSV (set,track,count), 64 factors, lambda 0.01, alpha 1, 15
iterations, 3 CG steps, and 1 and 2 threads. Each trainer runs --repeat times (default 3),
interleaved with the other, and the table shows its fastest run (the machines are shared and
noisy; every run's time goes to standard error). Reported: seconds per iteration (fit time / 15),
peak RSS of the trainer process, precision@10, recall@20 and nDCG@20 of the hidden tracks
(ranking every track the set has not played by user x item score), and the share of each item's
10 most similar items (cosine) that belong to its own scene.

Usage: bench_als.py --segue PATH [--sizes small,medium,large] [--threads 1,2] [--repeat N] [--folder DIR]
"""
import argparse, os, subprocess, sys
import numpy as np

SIZES = {"small": (3_200, 2_500, 40), "medium": (52_000, 30_000, 120), "large": (400_000, 120_000, 400)}
# name: (sets, tracks, scenes); about 20 distinct tracks per set → interactions ≈ 20 × sets (64k, 1.0M, 7.9M).


def generate(sets, tracks, scenes, seed=7):
    rng = np.random.default_rng(seed)
    scene_of_track = np.sort(rng.integers(0, scenes, size=tracks))
    members = [np.flatnonzero(scene_of_track == s) for s in range(scenes)]
    weights = []
    for block in members:
        w = 1.0 / np.arange(1, len(block) + 1) ** 0.9  # power-law popularity within the scene
        rng.shuffle(w)
        weights.append(w / w.sum())
    rows_user, rows_item = [], []
    for user in range(sets):
        length = int(rng.integers(10, 41))
        scene = int(rng.integers(0, scenes))
        choices = [scene] if rng.random() > 0.15 else [scene, int(rng.integers(0, scenes))]
        picked = set()
        for position, s in enumerate(choices):
            block = members[s]
            count = (length - position + len(choices) - 1) // len(choices)  # alternate scenes, as a DJ would
            if len(block) == 0 or count == 0:
                continue
            picked.update(block[rng.choice(len(block), size=count, p=weights[s])].tolist())
        rows_user.extend([user] * len(picked))
        rows_item.extend(sorted(picked))
    return np.array(rows_user), np.array(rows_item), scene_of_track


def split(users, items, sets, seed=11):
    rng = np.random.default_rng(seed)
    test_users = set(rng.choice(sets, size=max(1, sets // 10), replace=False).tolist())
    hidden = np.zeros(len(users), dtype=bool)
    for user in sorted(test_users):  # users are generated in order, so each one's rows are contiguous
        rows = np.arange(np.searchsorted(users, user), np.searchsorted(users, user, side="right"))
        if len(rows) >= 5:
            hidden[rng.choice(rows, size=max(1, len(rows) // 5), replace=False)] = True
    return ~hidden, hidden


def read_factors(path, count):
    matrix = None
    with open(path) as handle:
        for line in handle:
            parts = line.rstrip("\n").split(",")
            if matrix is None:
                matrix = np.zeros((count, len(parts) - 1), dtype=np.float32)
            matrix[int(parts[0])] = np.array(parts[1:], dtype=np.float32)
    return matrix


def evaluate(user_factors, item_factors, train_pairs, hidden_pairs, scene_of_track):
    scores_users = sorted(set(hidden_pairs[0].tolist()))
    seen = {}
    for u, i in zip(*train_pairs):
        seen.setdefault(int(u), set()).add(int(i))
    truth = {}
    for u, i in zip(*hidden_pairs):
        truth.setdefault(int(u), set()).add(int(i))
    p10 = r20 = ndcg = 0.0
    for u in scores_users:
        scores = item_factors @ user_factors[u]
        for i in seen.get(u, ()):
            scores[i] = -np.inf
        top = np.argpartition(-scores, 20)[:20]
        top = top[np.argsort(-scores[top])]
        relevant = truth[u]
        hits = [1.0 if int(i) in relevant else 0.0 for i in top]
        p10 += sum(hits[:10]) / 10
        r20 += sum(hits) / len(relevant)
        dcg = sum(h / np.log2(rank + 2) for rank, h in enumerate(hits))
        ideal = sum(1 / np.log2(rank + 2) for rank in range(min(len(relevant), 20)))
        ndcg += dcg / ideal
    n = len(scores_users)
    norms = np.linalg.norm(item_factors, axis=1, keepdims=True)
    unit = item_factors / np.maximum(norms, 1e-9)
    active = np.flatnonzero(norms[:, 0] > 1e-6)
    sample = active[:: max(1, len(active) // 2000)]
    same = 0
    for i in sample:
        sims = unit[active] @ unit[i]
        sims[np.searchsorted(active, i)] = -np.inf
        neighbours = active[np.argpartition(-sims, 10)[:10]]
        same += np.mean(scene_of_track[neighbours] == scene_of_track[i])
    return p10 / n, r20 / n, ndcg / n, same / len(sample)


def run_segue(args, csv_path, sets, tracks, threads, factors, regularization, alpha, iterations):
    """One `segue als` run in its own process: (fit seconds, peak RSS MB, user factors, item factors)."""
    item_path, user_path = os.path.join(args.folder, "items.csv"), os.path.join(args.folder, "users.csv")
    command = ["/usr/bin/time", "-f", "%M", args.segue, "als", "--interactions", csv_path, "--factors", str(factors),
               "--regularization", str(regularization), "--alpha", str(alpha), "--iterations", str(iterations),
               "--threads", str(threads), "--item-factors", item_path, "--user-factors", user_path]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stderr.strip().splitlines()
    fit = float(next(l for l in lines if l.startswith("fit_seconds=")).split("=")[1])
    rss = int(lines[-1]) / 1024
    return fit, rss, read_factors(user_path, sets), read_factors(item_path, tracks)


def run_implicit(args, csv_path, sets, tracks, threads, factors, regularization, alpha, iterations):
    """One `implicit` fit in a child Python process with the same thread count."""
    script = f"""
import numpy as np, scipy.sparse as sp, time, sys, threadpoolctl
threadpoolctl.threadpool_limits(1)
from implicit.cpu.als import AlternatingLeastSquares
data = np.loadtxt({csv_path!r}, delimiter=',', dtype=np.int64).reshape(-1, 3)
m = sp.csr_matrix((data[:, 2].astype(np.float32), (data[:, 0], data[:, 1])), shape=({sets}, {tracks}))
model = AlternatingLeastSquares(factors={factors}, regularization={regularization}, alpha={alpha}, iterations={iterations},
                                num_threads={threads}, random_state=42, calculate_training_loss=False)
start = time.perf_counter(); model.fit(m, show_progress=False); fit = time.perf_counter() - start
np.save({os.path.join(args.folder, 'iu.npy')!r}, model.user_factors); np.save({os.path.join(args.folder, 'ii.npy')!r}, model.item_factors)
print(fit)
"""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    result = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, env=env)
    fit = float(result.stdout.strip().splitlines()[-1])
    rss = int(result.stderr.strip().splitlines()[-1]) / 1024
    return fit, rss, np.load(os.path.join(args.folder, "iu.npy")), np.load(os.path.join(args.folder, "ii.npy"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--sizes", default="small,medium")
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--folder", default="/tmp/segue-als-bench")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per trainer, interleaved; the table shows the fastest (shared machines are noisy)")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    factors, regularization, alpha, iterations = 64, 0.01, 1.0, 15
    rows = []
    for size in args.sizes.split(","):
        sets, tracks, scenes = SIZES[size]
        users, items, scene_of_track = generate(sets, tracks, scenes)
        train, hidden = split(users, items, sets)
        csv_path = os.path.join(args.folder, f"{size}.csv")
        with open(csv_path, "w") as handle:
            for u, i in zip(users[train], items[train]):
                handle.write(f"{u},{i},1\n")
        nnz = int(train.sum())
        for threads in [int(t) for t in args.threads.split(",")]:
            best = {"Segue": None, "implicit": None}
            for attempt in range(args.repeat):
                for name, runner in (("Segue", run_segue), ("implicit", run_implicit)):
                    seconds, rss, uf, itf = runner(args, csv_path, sets, tracks, threads, factors, regularization, alpha, iterations)
                    if best[name] is None:
                        quality = evaluate(uf, itf, (users[train], items[train]), (users[hidden], items[hidden]), scene_of_track)
                        best[name] = [seconds, rss, quality, [seconds]]
                    else:
                        best[name][0] = min(best[name][0], seconds)
                        best[name][1] = max(best[name][1], rss)
                        best[name][3].append(seconds)
            for name in ("Segue", "implicit"):
                seconds, rss, quality, runs = best[name]
                rows.append((size, nnz, name, threads, seconds / iterations, rss) + quality)
                print(f"{name} {size} threads={threads}: s/iteration per run " + ", ".join(f"{r / iterations:.4f}" for r in runs), file=sys.stderr)
            print(f"done {size} threads={threads}", file=sys.stderr)
    print("\n| data | interactions | trainer | threads | s/iteration | peak RSS MB | precision@10 | recall@20 | nDCG@20 | same-scene top-10 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size, nnz, name, threads, spi, rss, p10, r20, ndcg, scene in rows:
        print(f"| {size} | {nnz} | {name} | {threads} | {spi:.4f} | {rss:.0f} | {p10:.4f} | {r20:.4f} | {ndcg:.4f} | {scene:.3f} |")
    print("\nRatios (Segue / implicit, same data and threads): s/iteration and nDCG@20")
    for index in range(0, len(rows), 2):
        s, i = rows[index], rows[index + 1]
        print(f"  {s[0]} threads={s[3]}: time {s[4] / i[4]:.2f}, nDCG {s[8] / max(i[8], 1e-9):.3f}, recall@20 {s[7] / max(i[7], 1e-9):.3f}")


if __name__ == "__main__":
    sys.exit(main())
