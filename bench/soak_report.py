"""The soak's verdict and Markdown report, and what gunicorn's request log says."""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from soak_memory import Sampler, memory_analysis


def scan_log(log: Path, main_from: float, main_to: float) -> dict:
    """Levels, warnings and errors of the whole run; per-route status and server-side duration
    of the soak proper (request lines timed between ``main_from`` and ``main_to``)."""
    levels: Counter = Counter()
    problems: Counter = Counter()
    routes: dict[str, list[float]] = defaultdict(list)
    route_status: dict[str, Counter] = defaultdict(Counter)
    boots = timeouts = plain = 0
    plain_lines: list[str] = []
    with log.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                plain += 1
                if len(plain_lines) < 10 and line.strip():
                    plain_lines.append(line.rstrip()[:300])
                continue
            level = record.get("level", "?")
            levels[level] += 1
            message = str(record.get("message", ""))
            if record.get("logger") == "gunicorn.error":
                boots += message.startswith("Booting worker")
                timeouts += "WORKER TIMEOUT" in message
            if record.get("logger") == "config.requests":
                when = datetime.fromisoformat(record["time"]).timestamp()
                if main_from <= when <= main_to:
                    routes[record["route"]].append(record["duration_ms"])
                    route_status[record["route"]][record["status"]] += 1
                if record["status"] >= 400:
                    problems[f"{record['status']} {record['route']}"] += 1
            elif level in ("WARNING", "ERROR", "CRITICAL"):
                problems[f"{level} {record.get('logger')}: {message[:160]}"] += 1
    return {
        "levels": levels,
        "problems": problems,
        "routes": routes,
        "route_status": route_status,
        "boots": boots,
        "timeouts": timeouts,
        "plain": plain,
        "plain_lines": plain_lines,
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def fmt_ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


@dataclass
class SoakRun:
    """What a soak gathered: its options, the load's results and the server's side."""

    args: argparse.Namespace
    seed: int
    cmd_args: str
    dropped: list[str]
    groups: dict[str, list[str]]
    warm: dict | None
    soak: dict
    sampler: Sampler
    initial: list[int]
    names: dict[int, str]
    soak_start: float
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    server_log: dict


@dataclass
class Verdict:
    failures: list[str]
    warnings: list[str]
    changes: list[str]
    memory: dict
    flat: bool


def judge(run: SoakRun) -> Verdict:
    """Failures (any 5xx, socket error, replaced worker or memory growth) and warnings."""
    args, sampler, server_log = run.args, run.sampler, run.server_log
    failures: list[str] = []
    warnings: list[str] = []
    warm, soak, initial, soak_start = run.warm, run.soak, run.initial, run.soak_start
    for label, run in (("warm-up", warm), ("soak", soak)):
        if run is None:
            continue
        if run["classes"]["5xx"]:
            failures.append(f"{run['classes']['5xx']} responses 5xx during the {label}")
        if run["socket_errors"]:
            failures.append(f"socket errors during the {label}: {run['socket_errors_line']}")
        if run["classes"]["4xx"]:
            warnings.append(f"{run['classes']['4xx']} responses 4xx during the {label}")
        if run["classes"]["3xx"]:
            warnings.append(f"{run['classes']['3xx']} responses 3xx during the {label}")
    changes = []
    for when, phase, pids, _ in sampler.samples:
        if pids != initial:
            changes.append(f"{phase} t={when - soak_start:+.0f} s: {pids}")
    if changes:
        failures.append(f"workers changed (initially {initial}): " + "; ".join(changes[:5]))
    if server_log["boots"] > args.workers and not args.max_requests:
        failures.append(f"{server_log['boots']} workers booted for {args.workers}")
    if server_log["timeouts"]:
        failures.append(f"{server_log['timeouts']} WORKER TIMEOUT in gunicorn's log")
    memory = memory_analysis(sampler, soak_start, args.duration)
    flat = True
    for row in memory["rows"]:
        if "rss" not in row:
            flat = False
            failures.append(f"worker {row['pid']}: no RSS in both windows")
        elif row["rss"][3] >= args.growth_threshold:
            flat = False
            failures.append(
                f"worker {row['pid']}: RSS grew {row['rss'][2]:+.1f} MB ({row['rss'][3]:+.1f} %)"
            )
    if memory["first"] < 2 or memory["last"] < 2:
        warnings.append(
            f"only {memory['first']}/{memory['last']} memory samples in the first/last window: "
            "run longer or sample more often"
        )
    if server_log["levels"]["ERROR"] or server_log["levels"]["CRITICAL"]:
        warnings.append(
            f"{server_log['levels']['ERROR'] + server_log['levels']['CRITICAL']} "
            "ERROR/CRITICAL lines in the server's log"
        )
    return Verdict(failures, warnings, changes, memory, flat)


def print_report(run: SoakRun, verdict: Verdict) -> None:
    """The memory samples, then the Markdown summary with the verdict."""
    args, sampler, server_log, soak, names = (
        run.args,
        run.sampler,
        run.server_log,
        run.soak,
        run.names,
    )
    soak_start, groups, seed, dropped = run.soak_start, run.groups, run.seed, run.dropped
    load_before, load_after, cmd_args = run.load_before, run.load_after, run.cmd_args
    count = sum(len(paths) for paths in groups.values())
    failures, warnings, changes = verdict.failures, verdict.warnings, verdict.changes
    memory, flat = verdict.memory, verdict.flat
    print("\n" + soak["text"].split("SOAK ")[0].rstrip())
    print("\n## Memory samples (MB, RSS / PSS; t from the start of the soak)\n")
    pids = sorted({pid for s in sampler.samples for pid in s[3]}, key=lambda p: names.get(p, ""))
    print("| t (s) | phase | " + " | ".join(f"{names.get(p, p)} ({p})" for p in pids) + " |")
    print("|---:|---|" + "---:|" * len(pids))
    for when, phase, _, mem in sampler.samples:
        cells = []
        for pid in pids:
            if pid not in mem:
                cells.append("–")
                continue
            rss, pss, _ = mem[pid]
            cells.append(f"{rss / 1024:.1f}" + (f" / {pss / 1024:.1f}" if pss is not None else ""))
        print(f"| {when - soak_start:+.0f} | {phase} | " + " | ".join(cells) + " |")

    requests = soak["requests"]
    classes = soak["classes"]
    cache = soak["cache"]
    verdict = "PASS" if not failures else "FAIL"
    lines = [
        f"## Soak: {args.duration} s at {args.connections} connections — {verdict}",
        "",
        f"- {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load "
        f"average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min); "
        f"`wrk -t{args.threads} -c{args.connections} -d{args.duration}s "
        f"--timeout={args.timeout}s --latency -s bench/soak.lua` (seed {seed + 1}), "
        f"after a {args.warmup} s warm-up with the same mix (not counted below).",
        f"- gunicorn `--config=config/gunicorn.py config.wsgi:application`, "
        f"`GUNICORN_CMD_ARGS={cmd_args}`"
        + (f" — the image's `{' '.join(dropped)}` left out so a leak would show" if dropped else "")
        + ".",
        f"- Production settings, PostgreSQL (fresh demo database), page cache in Redis "
        f"(database {args.cache_db}, empty at start), JSON request logs at INFO.",
        f"- {count} URLs in {len(groups)} groups (uk and en), "
        f"{(1 - args.cached_share) * 100:.0f} % of requests with an unknown session cookie "
        "(anonymous, bypassing the page cache).",
        "",
        "| requests | req/s | p50 | p90 | p99 | p99.9 | max |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {requests:,} | {soak['rps']:,.0f} | {fmt_ms(soak['p50'])} | {fmt_ms(soak['p90'])} "
        f"| {fmt_ms(soak['p99'])} | {fmt_ms(soak['p99.9'])} | {fmt_ms(soak['max'])} |",
        "",
        f"- Status: {', '.join(f'{s}: {n:,}' for s, n in sorted(soak['status'].items()))} — "
        f"5xx: {classes['5xx']}, 4xx: {classes['4xx']}, 3xx: {classes['3xx']}.",
        f"- Socket errors: {soak['socket_errors']} "
        f"({', '.join(f'{k} {v}' for k, v in soak['errors'].items() if k != 'status')}).",
        "- Page cache (X-Page-Cache): "
        + ", ".join(
            f"{value} {n / max(requests, 1) * 100:.1f} %" for value, n in cache.most_common()
        )
        + " (none: bypassed or not cacheable).",
        f"- Workers replaced: {'; '.join(changes) if changes else 'none'} "
        f"({server_log['boots']} boots in the log, {server_log['timeouts']} timeouts).",
        "",
        f"Worker memory: median of the first {memory['window']:.0f} s of the soak "
        f"({memory['first']} samples) vs the last {memory['window']:.0f} s "
        f"({memory['last']} samples), every {args.sample_interval:g} s; "
        f"flat = RSS growth < {args.growth_threshold:g} %: **{'flat' if flat else 'NOT flat'}**. "
        "(PSS splits shared pages between every process mapping them, other Python processes "
        "of the same venv included, so it moves with unrelated work: shown, not judged.)",
        "",
        "| worker | RSS first → last (MB) | RSS growth | PSS first → last (MB) | PSS growth |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in memory["rows"]:
        cells = []
        for kind in ("rss", "pss"):
            if kind in row:
                before, after, delta, pct = row[kind]
                cells += [f"{before:.1f} → {after:.1f}", f"{delta:+.1f} MB ({pct:+.1f} %)"]
            else:
                cells += ["–", "–"]
        lines.append(f"| {names.get(row['pid'], '')} ({row['pid']}) | " + " | ".join(cells) + " |")
    routes = server_log["routes"]
    if routes:
        lines += [
            "",
            "Server-side time per route during the soak (from the request log):",
            "",
            "| route | requests | statuses | p50 | p99 | max |",
            "|---|---:|---|---:|---:|---:|",
        ]
        for route, values in sorted(routes.items(), key=lambda item: -len(item[1])):
            statuses = ", ".join(
                f"{s}: {n}" for s, n in sorted(server_log["route_status"][route].items())
            )
            lines.append(
                f"| {route} | {len(values):,} | {statuses} | {fmt_ms(percentile(values, 50))} "
                f"| {fmt_ms(percentile(values, 99))} | {fmt_ms(max(values))} |"
            )
    if server_log["problems"]:
        lines += ["", "Warnings, errors and 4xx/5xx in the server's log (whole run):", ""]
        lines += [f"- {n} × {text}" for text, n in server_log["problems"].most_common(15)]
    if server_log["plain_lines"]:
        lines += ["", f"{server_log['plain']} non-JSON line(s) in the server's log, first:", ""]
        lines += [f"    {line}" for line in server_log["plain_lines"]]
    lines += [""]
    lines += [f"- **FAIL**: {text}" for text in failures]
    lines += [f"- warning: {text}" for text in warnings]
    if not failures:
        lines.append("- No 5xx, no socket error, no worker replaced, memory flat.")
    print("\n" + "\n".join(lines))
