#!/usr/bin/env python3
"""Analysis benchmark: Segue against essentia and librosa on the same TrackSynth corpus, in one run.

Builds (or reuses) a corpus of TrackSynth clips with known tempo and key, runs
`segue analyze`, essentia (RhythmExtractor2013 multifeature; KeyExtractor with the edma,
bgate and temperley profiles) and librosa (beat tracker; Krumhansl-Schmuckler on mean CQT
chroma, since librosa has no key estimator) on every file with one thread each, and prints one
table: tempo Accuracy1 (within 4 %) and Accuracy2 (also x1/2, x2, x1/3, x3), MIREX weighted key
score (1 same, 0.5 fifth, 0.3 relative, 0.2 parallel), exact key accuracy, and throughput in
x realtime per core (decoding included; CPU time, one thread).

Usage: bench_analysis.py --segue PATH [--corpus DIR] [--clips N] [--seconds S]
"""
import argparse, csv, json, os, resource, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("NUMBA_NUM_THREADS", "1")

PITCHES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
FLATS = {"Db": "C#", "Eb": "D#", "Gb": "F#", "Ab": "G#", "Bb": "A#"}
STYLES = {  # name: tempo range as a DJ counts it (TrackSynth's DJStyle)
    "house": (118, 128), "techno": (125, 140), "drum-and-bass": (165, 178), "dubstep": (138, 142),
    "hip-hop": (85, 100), "breakbeat": (125, 138), "downtempo": (80, 110), "trance": (132, 142),
}


def corpus_plan(clips, seed_base=1000, key_offset=0):
    """Clip i: style by blocks, every key equally often, tempo spread over the style's range,
    noise on every 5th clip, reverb on every 7th, tuning off 440 Hz by 15-40 cents on every 6th.
    Instruments (pad, lead and bass spectra, chord inversion) vary with the seed in TrackSynth.
    Other `seed_base` and `key_offset` values give held-out corpora of the same design."""
    names = list(STYLES)
    per_style = clips // len(names)
    plan = []
    for i in range(clips):
        style = names[min(i // per_style, len(names) - 1)]
        low, high = STYLES[style]
        position = (i % per_style) / max(per_style - 1, 1)
        key_index = (i * 7 + key_offset) % 24
        mode = "major" if key_index < 12 else "minor"
        key = f"{PITCHES[key_index % 12]} {mode}"
        tuning = ((-1) ** (i // 6)) * (15 + (i * 13) % 26) if i % 6 == 5 else 0
        plan.append(dict(id=f"clip{i:03d}", style=style, bpm=round(low + (high - low) * position, 1), key=key,
                         noise=0.3 if i % 5 == 4 else 0.0, reverb=0.4 if i % 7 == 6 else 0.0, tuning=tuning, seed=seed_base + i))
    return plan


def build_corpus(segue, folder, clips, seconds, seed_base=1000, key_offset=0):
    os.makedirs(folder, exist_ok=True)
    plan = corpus_plan(clips, seed_base, key_offset)
    def render(item):
        path = os.path.join(folder, item["id"] + ".flac")
        if not os.path.exists(path):
            subprocess.run([segue, "synth", "--style", item["style"], "--bpm", str(item["bpm"]), "--key", item["key"],
                            "--seconds", str(seconds), "--seed", str(item["seed"]), "--noise", str(item["noise"]),
                            "--reverb", str(item["reverb"]), f"--tuning={item['tuning']}", "--out", path], check=True, stdout=subprocess.DEVNULL)
        item["path"] = path
        return item
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        plan = list(pool.map(render, plan))
    with open(os.path.join(folder, "truth.csv"), "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(plan[0]))
        writer.writeheader()
        writer.writerows(plan)
    return plan


def parse_key(text):
    tonic, mode = text.split()
    tonic = FLATS.get(tonic, tonic)
    return PITCHES.index(tonic), mode


def key_score(estimate, truth):
    (et, em), (tt, tm) = parse_key(estimate), parse_key(truth)
    if (et, em) == (tt, tm):
        return 1.0
    if em == tm and (et - tt) % 12 in (5, 7):
        return 0.5
    if em != tm and ((tm == "major" and et == (tt + 9) % 12) or (tm == "minor" and et == (tt + 3) % 12)):
        return 0.3
    if em != tm and et == tt:
        return 0.2
    return 0.0


def tempo_hits(estimate, truth):
    within = lambda value: abs(value - truth) <= 0.04 * truth
    return within(estimate), any(within(estimate * factor) for factor in (1, 2, 0.5, 3, 1 / 3))


def cpu_seconds(children=False):
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def audio_seconds(path):
    import soundfile
    return soundfile.info(path).duration


class Cache:
    """Peer results per file (path, size and modification time), so that a tuning loop reruns only Segue."""

    def __init__(self, path, fresh):
        self.path = path
        self.data = {} if fresh or not os.path.exists(path) else json.load(open(path))

    @staticmethod
    def stamp(path):
        info = os.stat(path)
        return f"{path}:{info.st_size}:{int(info.st_mtime)}"

    def get(self, peer, path):
        return self.data.get(peer, {}).get(self.stamp(path))

    def put(self, peer, path, value):
        self.data.setdefault(peer, {})[self.stamp(path)] = value

    def save(self):
        with open(self.path, "w") as handle:
            json.dump(self.data, handle)


def run_segue(segue, items, extra_args):
    """Segue's answers per item id, with its CPU time for these items (one process, one thread)."""
    before = cpu_seconds(children=True)
    output = subprocess.run([segue, "analyze", "--format", "jsonl"] + extra_args + [item["path"] for item in items],
                            check=True, capture_output=True, text=True).stdout
    used = cpu_seconds(children=True) - before
    rows = {json.loads(line)["path"]: json.loads(line) for line in output.splitlines() if line.strip()}
    answers = {item["id"]: dict(bpm=rows[item["path"]]["bpm"], key=rows[item["path"]]["key"],
                                confidence=rows[item["path"]].get("key_confidence", 0.0), cpu=used / len(items)) for item in items}
    return answers, rows


def run_essentia(items, cache):
    """RhythmExtractor2013 (multifeature) and KeyExtractor with three profiles; the CPU time counted is
    tempo plus one profile, decoding included."""
    import essentia
    import essentia.standard as es
    essentia.log.warningActive = False
    rhythm = es.RhythmExtractor2013(method="multifeature")
    extractors = {profile: es.KeyExtractor(profileType=profile) for profile in ("edma", "bgate", "temperley")}
    results = {profile: {} for profile in extractors}
    for item in items:
        value = cache.get("essentia", item["path"])
        if value is None:
            start = cpu_seconds()
            audio = es.MonoLoader(filename=item["path"], sampleRate=44100)()
            bpm = float(rhythm(audio)[0])
            keys = {}
            key, scale, _ = extractors["edma"](audio)
            keys["edma"] = f"{key} {scale}"
            used = cpu_seconds() - start
            for profile in ("bgate", "temperley"):
                key, scale, _ = extractors[profile](audio)
                keys[profile] = f"{key} {scale}"
            value = dict(bpm=bpm, keys=keys, cpu=used)
            cache.put("essentia", item["path"], value)
        for profile in extractors:
            results[profile][item["id"]] = dict(bpm=value["bpm"], key=value["keys"][profile], cpu=value["cpu"])
    return results


def run_madmom(items, cache, python):
    """madmom's RNN beat tracker in its own environment, two processes at a time (CPU time per file)."""
    missing = [item for item in items if cache.get("madmom", item["path"]) is None]
    if missing:
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "madmom_tempo.py")
        halves = [missing[0::2], missing[1::2]]
        processes = [subprocess.Popen([python, script] + [item["path"] for item in half], stdout=subprocess.PIPE, text=True)
                     for half in halves if half]
        for process in processes:
            for line in process.stdout:
                row = json.loads(line)
                cache.put("madmom", row["path"], dict(bpm=row["bpm"], cpu=row["cpu"]))
            if process.wait() != 0:
                raise SystemExit("madmom failed")
        cache.save()
    return {item["id"]: dict(bpm=cache.get("madmom", item["path"])["bpm"], key=None, cpu=cache.get("madmom", item["path"])["cpu"])
            for item in items}


def run_librosa(items, cache):
    """librosa's beat tracker, and Krumhansl-Schmuckler on mean CQT chroma (librosa has no key estimator)."""
    import numpy as np
    import librosa
    major = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
    minor = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])
    results = {}
    for item in items:
        value = cache.get("librosa", item["path"])
        if value is None:
            start = cpu_seconds()
            y, sr = librosa.load(item["path"], sr=22050, mono=True)
            tempo, _ = librosa.beat.beat_track(y=y, sr=sr)
            chroma = librosa.feature.chroma_cqt(y=y, sr=sr).mean(axis=1)
            best = max(((np.corrcoef(chroma, np.roll(profile, tonic))[0, 1], tonic, mode)
                        for tonic in range(12) for profile, mode in ((major, "major"), (minor, "minor"))))
            value = dict(bpm=float(np.atleast_1d(tempo)[0]), key=f"{PITCHES[best[1]]} {best[2]}", cpu=cpu_seconds() - start)
            cache.put("librosa", item["path"], value)
        results[item["id"]] = value
    return results


def summarise(results, items):
    """Tempo Acc1, Acc2 and octave errors over items with a tempo; key MIREX and exact over all;
    x realtime per core over all items the analyser ran on."""
    timed = [item for item in items if item["id"] in results]
    with_tempo = [item for item in timed if item["bpm"]]
    acc1 = acc2 = octave = 0
    for item in with_tempo:
        hit1, hit2 = tempo_hits(results[item["id"]]["bpm"], item["bpm"])
        acc1 += hit1
        acc2 += hit2
        octave += hit2 and not hit1
    keyed = [item for item in timed if results[item["id"]].get("key")]
    scores = [key_score(results[item["id"]]["key"], item["key"]) for item in keyed]
    cpu = sum(results[item["id"]]["cpu"] for item in timed)
    seconds = sum(item["seconds"] for item in timed)
    percent = lambda part, whole: 100 * part / whole if whole else float("nan")
    return dict(acc1=percent(acc1, len(with_tempo)), acc2=percent(acc2, len(with_tempo)), octave=octave, tempo_n=len(with_tempo),
                mirex=percent(sum(scores), len(keyed)), exact=percent(sum(s == 1.0 for s in scores), len(keyed)), key_n=len(keyed),
                speed=seconds / cpu if cpu else float("nan"))


def format_number(value, digits=1):
    return "–" if value != value else f"{value:.{digits}f}"


def print_set(name, items, analysers):
    dance = sum(1 for item in items if item["bpm"])
    print(f"\n### {name}: {len(items)} clips ({dance} with a tempo), {sum(item['seconds'] for item in items) / 60:.0f} min\n")
    print("| analyser | tempo Acc1 % | tempo Acc2 % | octave errors | key MIREX % | key exact % | x realtime per core |")
    print("|---|---|---|---|---|---|---|")
    for analyser, results in analysers.items():
        row = summarise(results, items)
        print(f"| {analyser} | {format_number(row['acc1'])} | {format_number(row['acc2'])} | {row['octave'] if row['tempo_n'] else '–'} "
              f"| {format_number(row['mirex'])} | {format_number(row['exact'])} | {format_number(row['speed'], 0)} |")


def print_key_by_kind(name, items, analysers):
    """Key MIREX on the dance clips and on the classical pieces, each on its own."""
    kinds = sorted({item.get("kind", "dance") for item in items})
    if len(kinds) < 2:
        return
    print(f"\n{name}, key MIREX % by kind: " + "; ".join(
        f"{analyser}: " + ", ".join(f"{kind} {format_number(summarise(results, [i for i in items if i.get('kind', 'dance') == kind])['mirex'])}"
                                     for kind in kinds)
        for analyser, results in analysers.items() if summarise(results, items)["key_n"]))


def print_styles(name, items, analysers):
    styles = sorted({item["style"] for item in items})
    shown = [analyser for analyser in analysers if not analyser.startswith("essentia (") or analyser in ("essentia (edma)", "essentia (bgate)")]
    print(f"\n{name}, per style: tempo Acc1 % (octave errors) / key MIREX %\n")
    print("| style | n | " + " | ".join(shown) + " |")
    print("|---|---|" + "---|" * len(shown))
    for style in styles:
        subset = [item for item in items if item["style"] == style]
        cells = []
        for analyser in shown:
            row = summarise(analysers[analyser], subset)
            tempo = f"{format_number(row['acc1'], 0)} ({row['octave']})" if row["tempo_n"] else "–"
            key = format_number(row["mirex"], 0) if row["key_n"] else "–"
            cells.append(f"{tempo} / {key}")
        print(f"| {style} | {len(subset)} | " + " | ".join(cells) + " |")


def print_confidence(name, items, results):
    """Key accuracy by decile of Segue's key confidence."""
    ranked = sorted(items, key=lambda item: results[item["id"]]["confidence"])
    if len(ranked) < 10:
        return
    print(f"\n{name}: Segue's key by confidence decile (lowest first): exact % [confidence range]")
    cells = []
    for decile in range(10):
        chunk = ranked[decile * len(ranked) // 10:(decile + 1) * len(ranked) // 10]
        exact = sum(key_score(results[item["id"]]["key"], item["key"]) == 1.0 for item in chunk)
        low, high = results[chunk[0]["id"]]["confidence"], results[chunk[-1]["id"]]["confidence"]
        cells.append(f"{100 * exact / len(chunk):.0f} [{low:.2f}–{high:.2f}]")
    print("  " + ", ".join(cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--segue", required=True)
    parser.add_argument("--corpus", default="/tmp/segue-analysis-corpus-v2", help="TrackSynth corpus folder (built if missing)")
    parser.add_argument("--clips", type=int, default=240)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed-base", type=int, default=1000, help="synthesis seed of the first clip (held-out corpora: another value)")
    parser.add_argument("--key-offset", type=int, default=0, help="shifts every clip's key along the 24 keys (held-out corpora)")
    parser.add_argument("--gm-corpus", default="/tmp/segue-gm-corpus", help="General MIDI corpus folder (gm_corpus.py builds it)")
    parser.add_argument("--sets", default="tracksynth,gm-tuning,gm-held-out", help="which sets to report")
    parser.add_argument("--skip", default="", help="comma-separated peers to leave out (essentia, madmom, librosa)")
    parser.add_argument("--madmom-python", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".venv-madmom", "bin", "python"))
    parser.add_argument("--fresh", action="store_true", help="rerun the peers instead of reading their cached answers")
    parser.add_argument("--segue-args", default="", help="extra arguments for segue analyze (experiments)")
    parser.add_argument("--misses", action="store_true", help="list Segue's tempo and key misses")
    args = parser.parse_args()
    wanted = args.sets.split(",")
    sets = {}
    if "tracksynth" in wanted:
        plan = build_corpus(args.segue, args.corpus, args.clips, args.seconds, args.seed_base, args.key_offset)
        for item in plan:
            item["seconds"] = args.seconds
        sets["TrackSynth (tests, not the judge)"] = plan
    if any(name.startswith("gm-") for name in wanted):
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import gm_corpus
        if not os.path.exists(os.path.join(args.gm_corpus, "truth.csv")):
            raise SystemExit(f"no corpus in {args.gm_corpus}: run gm_corpus.py --out {args.gm_corpus} first")
        rows = gm_corpus.load(args.gm_corpus)
        for row in rows:
            row["path"] = os.path.join(args.gm_corpus, row["id"] + ".flac")
            row["seconds"] = audio_seconds(row["path"])
        for split in ("tuning", "held-out", "fresh"):
            if f"gm-{split}" in wanted:
                sets[f"GM {split} half" if split != "fresh" else "GM fresh draw (looked at once)"] = [row for row in rows if row["split"] == split]
    cache = Cache(os.path.join(args.gm_corpus if os.path.isdir(args.gm_corpus) else args.corpus, "peer-cache.json"), args.fresh)
    skip = set(args.skip.split(","))
    print("Analysis benchmark: one thread per analyser; x realtime is audio seconds per CPU second, decoding included.")
    for name, items in sets.items():
        analysers = {}
        analysers["Segue"], segue_rows = run_segue(args.segue, items, args.segue_args.split())
        if "essentia" not in skip:
            for profile, results in run_essentia(items, cache).items():
                analysers[f"essentia ({profile})"] = results
            cache.save()
        if "madmom" not in skip:
            analysers["madmom (RNN beats)"] = run_madmom(items, cache, args.madmom_python)
        if "librosa" not in skip:
            analysers["librosa (K-S on CQT chroma)"] = run_librosa(items, cache)
            cache.save()
        print_set(name, items, analysers)
        print_key_by_kind(name, items, analysers)
        print_styles(name, items, analysers)
        print_confidence(name, items, analysers["Segue"])
        if "essentia (edma)" in analysers:
            print(f"\nspeed ratio Segue (whole analysis) / essentia (tempo + one key profile): "
                  f"{summarise(analysers['Segue'], items)['speed'] / summarise(analysers['essentia (edma)'], items)['speed']:.2f}")
        if "madmom (RNN beats)" in analysers:
            print(f"speed ratio Segue / madmom: "
                  f"{summarise(analysers['Segue'], items)['speed'] / summarise(analysers['madmom (RNN beats)'], items)['speed']:.1f}")
        if args.misses:
            for item in items:
                answer = analysers["Segue"][item["id"]]
                tempo_miss = item["bpm"] and not tempo_hits(answer["bpm"], item["bpm"])[0]
                if tempo_miss or key_score(answer["key"], item["key"]) < 1:
                    peer = analysers.get("madmom (RNN beats)", {}).get(item["id"], {}).get("bpm", float("nan"))
                    print(f"miss {item['id']} {item['bpm'] or ''} -> {answer['bpm']:.2f} (madmom {peer:.1f})  "
                          f"{item['key']} -> {answer['key']} ({answer['confidence']:.2f})")


if __name__ == "__main__":
    sys.exit(main())
