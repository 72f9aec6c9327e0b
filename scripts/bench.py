"""The measurements of scripts/bench.sh (run that, not this): see its header for what is measured and where it goes."""
import datetime
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GALLEY = os.environ["GALLEY_BIN"]
QUICK = os.environ.get("QUICK") == "1"
ROOT = os.getcwd()
CONFIG = ["--config", os.path.join(ROOT, "Examples", "galley.yaml")]
ARTICLE = os.path.join(ROOT, "Examples", "iv-9062.json")


def machine():
    """The machine's name: host, processor and cores, so figures are only ever compared on the same machine."""
    model = "unknown processor"
    try:
        with open("/proc/cpuinfo") as info:
            for line in info:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"host": platform.node(), "processor": model, "cores": os.cpu_count()}


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def run(arguments, **extra):
    """Runs galley with `arguments`; stops the benchmark with its message if it fails."""
    result = subprocess.run([GALLEY] + arguments, capture_output=True, text=True, **extra)
    if result.returncode != 0:
        sys.exit(f"galley {' '.join(arguments)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout + result.stderr


def cold(name, arguments, repeats):
    """Wall time of `repeats` fresh processes, after one unmeasured run that fills the page cache."""
    run(arguments)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(arguments)
        times.append((time.perf_counter() - start) * 1000)
    figures = {"median_ms": round(statistics.median(times), 2), "min_ms": round(min(times), 2), "runs": repeats}
    print(f"cold {name:<10} median {figures['median_ms']:7.2f} ms   min {figures['min_ms']:7.2f} ms")
    return figures


def instructions(commands):
    """Instructions each cold command of `commands` (name: arguments) executes, counted by callgrind; noise on the
    machine does not change them, and on a shared virtual machine the wall clock of one command moves by a third
    between hours, so these are the figures that show a change of a few per cent."""
    if os.environ.get("NO_CALLGRIND") == "1" or shutil.which("valgrind") is None:
        return {}
    counts = {}
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        # valgrind gives up on the debug information of a binary with the Swift runtime linked in: a stripped copy.
        binary = os.path.join(folder, "galley")
        subprocess.run(["strip", "-o", binary, GALLEY], check=True)
        # `bundle` starts itself again with huge pages for its heaps (docs/issue-format.md), which valgrind would not
        # follow: counted, every command stays in its first start.
        environment = dict(os.environ, GALLEY_LARGE_PAGES="0")
        for name, arguments in commands.items():
            result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary] + arguments,
                                    capture_output=True, text=True, env=environment)
            match = re.search(r"Collected : (\d+)", result.stderr)
            if match:
                counts[name] = int(match.group(1))
                print(f"callgrind {name:<10} {counts[name]:>14,} instructions")
    return counts


def number(pattern, text, cast=float):
    match = re.search(pattern, text)
    return cast(match.group(1)) if match else None


def main():
    figures = {"machine": machine(), "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "galley": GALLEY, "quick": QUICK}
    work = tempfile.mkdtemp(prefix="galley-bench-")
    try:
        repeats = 5 if QUICK else 20
        pdf = os.path.join(work, "x.pdf")
        issue = os.path.join(ROOT, "Examples", "issue.yaml")
        figures["cold"] = {
            "version": cold("--version", ["--version"], repeats),
            "render": cold("render", ["render", ARTICLE, "-o", pdf] + CONFIG, repeats),
            "check": cold("check", ["check", ARTICLE] + CONFIG, repeats),
            "boxes": cold("boxes", ["boxes", ARTICLE] + CONFIG, repeats),
        }
        if os.path.exists(issue):
            figures["cold"]["bundle-issue"] = cold("bundle-issue", ["bundle", issue, "-o", os.path.join(work, "issue.pdf")] + CONFIG, repeats)
        counted_commands = {"render": ["render", ARTICLE, "-o", pdf] + CONFIG}
        if not QUICK:
            counted_commands.update({"version": ["--version"], "check": ["check", ARTICLE] + CONFIG,
                                     "boxes": ["boxes", ARTICLE] + CONFIG})
            if os.path.exists(issue):
                counted_commands["bundle-issue"] = ["bundle", issue, "-o", os.path.join(work, "issue.pdf")] + CONFIG
        counted = instructions(counted_commands)
        if counted:
            figures["callgrind"] = counted
            # The key earlier files have, so that a comparison with them still shows the render.
            figures["callgrind_render_instructions"] = counted.get("render")

        text = run(["bench", ARTICLE, "-i", "3" if QUICK else "20"] + CONFIG)
        figures["bench"] = {"ms_per_article": number(r"ms per article: ([\d.]+)", text),
                            "pages_per_second": number(r"pages per second: ([\d.]+)", text),
                            "peak_rss_mb": number(r"peak RSS: (\d+)", text, int)}
        print(f"bench: {figures['bench']['ms_per_article']} ms per article warm")

        text = run(["bench-export", "-c", "40" if QUICK else "200", "--jobs", "1", "2"])
        export = {}
        for jobs, rate, wall_rate, peak in re.findall(
                r"--jobs (\d+): ([\d.]+) articles/s rendering .*?, ([\d.]+) articles/s start to exit .*?peak RSS ([\d.]+) MB", text):
            export[f"jobs_{jobs}"] = {"articles_per_second": float(rate), "articles_per_second_wall": float(wall_rate),
                                      "peak_rss_mb": float(peak)}
        export["unchanged_rerun_s"] = number(r"unchanged rerun \(--jobs \d+\): ([\d.]+) s", text)
        figures["export"] = export
        print("export: " + ", ".join(f"{k} {v['articles_per_second_wall']} articles/s" for k, v in export.items() if k.startswith("jobs")))

        kept = os.path.join(work, "issue-50")
        text = run(["bench-bundle", "-c", "50", "--keep", kept])
        figures["bundle"] = {"articles": number(r"issue: (\d+) articles", text, int),
                             "afresh_s": number(r"laid out afresh \(and cached\): ([\d.]+) s", text),
                             "cached_s": number(r"from cached layouts: ([\d.]+) s", text),
                             "no_cache_s": number(r"no cache: ([\d.]+) s", text),
                             "peak_rss_mb": number(r"peak RSS: (\d+)", text, int)}
        print(f"bundle: 50 articles {figures['bundle']['afresh_s']} s afresh, {figures['bundle']['cached_s']} s from cached layouts")
        # The same issue from the command line, as issue 15 measures it: each run a fresh process, laid out anew
        # (--no-cache) and from the layouts bench-bundle kept.
        issue50 = os.path.join(kept, "issue.yaml")
        bundled = os.path.join(work, "issue-50.pdf")
        figures["cold"]["bundle-50-fresh"] = cold("bundle-50-fresh", ["bundle", issue50, "--no-cache", "-o", bundled], 5 if QUICK else 20)
        figures["cold"]["bundle-50-cached"] = cold("bundle-50-cached", ["bundle", issue50, "--layout-cache", os.path.join(kept, "cache"),
                                                                        "-o", bundled], 5 if QUICK else 20)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    folder = os.path.join(ROOT, "Output", "bench", slug(figures["machine"]["host"] + "-" + figures["machine"]["processor"]))
    os.makedirs(folder, exist_ok=True)
    earlier = sorted(glob.glob(os.path.join(folder, "*.json")))
    path = os.path.join(folder, figures["time"].replace(":", "") + ".json")
    with open(path, "w") as out:
        json.dump(figures, out, indent=2, sort_keys=True)
        out.write("\n")
    print(f"wrote {os.path.relpath(path)}")
    if earlier:
        with open(earlier[-1]) as previous_file:
            previous = json.load(previous_file)
        print(f"compared with {os.path.relpath(earlier[-1])}:")
        compare(previous, figures, [])


def compare(old, new, path):
    """Prints every number that both runs have, old → new, with the change in per cent."""
    if isinstance(new, dict):
        for key in sorted(new):
            if isinstance(old, dict) and key in old and key not in ("machine", "time", "galley", "quick"):
                compare(old[key], new[key], path + [key])
    elif isinstance(new, (int, float)) and isinstance(old, (int, float)) and not isinstance(new, bool) and old:
        print(f"  {'.'.join(path):<45} {old:>14} → {new:<14} ({(new - old) / old * 100:+.1f} %)")


main()
