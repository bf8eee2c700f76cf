#!/usr/bin/env python3
"""Runs jieba, rjieba and Almanac on the same inputs and prints a markdown table.

Every tool runs as its own process under /usr/bin/time -v (peak memory). Throughput is the
in-process time of segmenting the ~20 MB corpus, lexicon load excluded (reported apart): for
jieba and rjieba only the `cut` calls are timed; for Almanac (`almanac segment --stats`) the time
covers reading, decoding, segmenting and writing the output. Throughput and load are measured in
processor time of the process (robust on a shared machine) and, in parentheses, wall-clock time.
Throughput runs are interleaved and repeated, and the median is kept.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

RUNNER = r'''
import os, sys, time
tool, path, out = sys.argv[1], sys.argv[2], sys.argv[3]
t0, c0 = time.perf_counter(), time.process_time()
if tool == "jieba":
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    cut = jieba.cut
else:
    import rjieba
    list(rjieba.cut("预热"))
    cut = rjieba.cut
t1, c1 = time.perf_counter(), time.process_time()
with open(path, encoding="utf-8", newline="") as handle:
    lines = handle.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
# Only the cutting is timed (summed call by call); formatting and writing the words is not.
segment_s = segment_cpu_s = 0.0
with open(out, "w", encoding="utf-8") as handle:
    for line in lines:
        line = line.rstrip("\r")
        start, start_cpu = time.perf_counter(), time.process_time()
        words = list(cut(line))
        segment_s += time.perf_counter() - start
        segment_cpu_s += time.process_time() - start_cpu
        handle.write("  ".join(w for w in words if not w.isspace()) + "\n")
size = os.path.getsize(path)
print(
    f"load_ms {(t1 - t0) * 1000:.1f} segment_s {segment_s:.3f} load_cpu_ms {(c1 - c0) * 1000:.1f} "
    f"segment_cpu_s {segment_cpu_s:.3f} bytes {size}",
    file=sys.stderr,
)
'''


def spans(line):
    result, offset = [], 0
    for word in line.split():
        result.append((offset, offset + len(word)))
        offset += len(word)
    return result


def score(gold_path, predicted_path):
    with open(gold_path, encoding="utf-8") as g, open(predicted_path, encoding="utf-8") as p:
        gold_lines = g.read().splitlines()
        predicted_lines = p.read().splitlines()
    gold_total = predicted_total = correct = 0
    for index, gold_line in enumerate(gold_lines):
        gold = set(spans(gold_line))
        predicted = spans(predicted_lines[index]) if index < len(predicted_lines) else []
        gold_total += len(gold)
        predicted_total += len(predicted)
        correct += sum(1 for span in predicted if span in gold)
    precision = correct / predicted_total if predicted_total else 0
    recall = correct / gold_total if gold_total else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return precision, recall, f1


def run(tool, args, source, output):
    """Segments `source` into `output`; returns (load_ms, segment_s, bytes, peak_mb, wall_s, load_cpu_ms,
    segment_cpu_s)."""
    if tool == "almanac":
        command = [args.almanac, "segment", "--stats", source]
        stdout = open(output, "wb")
    else:
        command = [sys.executable, os.path.join(args.work, "runner.py"), tool, source, output]
        stdout = subprocess.DEVNULL
    start = time.perf_counter()
    completed = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=stdout, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if tool == "almanac":
        stdout.close()
    if completed.returncode != 0:
        sys.exit(f"{tool} failed:\n{completed.stderr}")
    stats = re.search(
        r"load_ms ([\d.]+) segment_s ([\d.]+) load_cpu_ms ([\d.]+) segment_cpu_s ([\d.]+) bytes (\d+)", completed.stderr
    )
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    return (
        float(stats.group(1)), float(stats.group(2)), int(stats.group(5)), int(peak.group(1)) / 1024, wall,
        float(stats.group(3)), float(stats.group(4)),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--almanac", required=True)
    parser.add_argument("--eval", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=20)
    args = parser.parse_args()
    with open(os.path.join(args.work, "runner.py"), "w") as handle:
        handle.write(RUNNER)

    corpus = os.path.join(args.work, "corpus.txt")
    with open(corpus, "wb") as out:
        parts = [open(os.path.join(args.eval, f"{name}_test.utf8"), "rb").read() for name in ("pku", "msr")]
        written = 0
        while written < args.megabytes * 1e6:
            for part in parts:
                out.write(part)
                written += len(part)

    tools = ["jieba", "rjieba", "almanac"]
    rows = {}
    for tool in tools:
        f1s = []
        for name in ("pku", "msr"):
            predicted = os.path.join(args.work, f"{tool}_{name}.txt")
            run(tool, args, os.path.join(args.eval, f"{name}_test.utf8"), predicted)
            f1s.append(score(os.path.join(args.eval, f"{name}_test_gold.utf8"), predicted))
        rows[tool] = {"pku": f1s[0], "msr": f1s[1], "runs": []}
        print(f"{tool}: PKU F1 {f1s[0][2]:.4f}, MSR F1 {f1s[1][2]:.4f}", file=sys.stderr)
    # Throughput runs interleaved (A B C A B C …) so drift in machine load hits every tool alike.
    for round_index in range(args.runs):
        for tool in tools:
            if tool == "jieba" and round_index > 0:
                continue  # jieba takes half a minute a run; one run says enough
            result = run(tool, args, corpus, os.path.join(args.work, f"{tool}_corpus.txt"))
            rows[tool]["runs"].append(result)
            print(f"{tool} run {round_index + 1}: {result}", file=sys.stderr)

    print(
        "| segmenter | PKU P / R / F1 | MSR P / R / F1 | MB/s, CPU time (wall) | lexicon load, CPU (wall) "
        "| peak memory |"
    )
    print("|---|---|---|---|---|---|")
    speeds = {}
    for tool in tools:
        row = rows[tool]
        runs = row["runs"]
        load = statistics.median(r[0] for r in runs)
        load_cpu = statistics.median(r[5] for r in runs)
        seconds = statistics.median(r[1] for r in runs)
        cpu_seconds = statistics.median(r[6] for r in runs)
        size = runs[0][2]
        peak = statistics.median(r[3] for r in runs)
        speeds[tool] = size / 1e6 / cpu_seconds
        wall_speed = size / 1e6 / seconds
        pku, msr = row["pku"], row["msr"]
        print(
            f"| {tool} | {pku[0]:.3f} / {pku[1]:.3f} / **{pku[2]:.3f}** | {msr[0]:.3f} / {msr[1]:.3f} / **{msr[2]:.3f}** "
            f"| {speeds[tool]:.1f} ({wall_speed:.1f}) | {load_cpu:.0f} ms ({load:.0f} ms) | {peak:.0f} MB |"
        )
    print()
    print(f"Almanac / rjieba throughput (CPU time): {speeds['almanac'] / speeds['rjieba']:.2f}x; "
          f"Almanac / jieba: {speeds['almanac'] / speeds['jieba']:.1f}x "
          f"(corpus {size / 1e6:.1f} MB: the PKU and MSR raw test text repeated; medians of {args.runs} runs, "
          f"jieba one run).")


if __name__ == "__main__":
    main()
