"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The sizes the growth tables measure (paragraphs), and the two whose marginal
# costs per paragraph are compared: the goal is a ratio of at most 1.3.
SIZES = (150, 600, 2400, 9600)


def median_ms(
    fn: Callable[[], object], runs: int = 15, warm: int = 3, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Median time of `fn` in milliseconds (wall time unless `clock` says
    otherwise), after `warm` untimed calls."""
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) * 1000


# The growth tables time the process's CPU, not the wall clock: on a machine
# shared with other work the wall clock measures the others as much as us,
# and a growth table asks how the work grows.
cpu_ms = time.process_time


def process_env(tmp: Path) -> dict[str, str]:
    """The environment of a measured process: bytecode compiled beforehand, as
    an installed package has it (in a folder of its own, not beside the
    sources), and the compiled templates in a cache of their own."""
    prefix = tmp / "pycache"
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix), CWGDRAFT_TEMPLATE_CACHE=str(tmp / "templates"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    sys.pycache_prefix = str(prefix)
    try:
        compileall.compile_dir(str(REPO / "cwgdraft"), quiet=1)
    finally:
        sys.pycache_prefix = None
    return env


def alternate(commands: Sequence[Sequence[str]], env: dict[str, str], runs: int = 11, warm: int = 2) -> list[float]:
    """Median wall time (ms) of each whole process, the commands taking turns
    (and turns in the order) so that both see the same machine."""
    times: list[list[float]] = [[] for _ in commands]
    for i in range(warm + runs):
        order = list(range(len(commands)))
        if i % 2:
            order.reverse()
        for k in order:
            start = time.perf_counter()
            subprocess.run(commands[k], env=env, check=True, capture_output=True, cwd=REPO)
            if i >= warm:
                times[k].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def growth(
    name: str, measure: Callable[[int], float], sizes: Sequence[int] = SIZES, goal: float | None = None
) -> float:
    """Print the growth table of `measure(paragraphs) -> ms`; return the ratio of
    the marginal cost per paragraph at the largest size to that at 600."""
    print(f"{name}: growth (CPU time)")
    print(f"{'paragraphs':>10} {'ms':>9} {'per para':>9} {'marginal':>9}")
    results: list[tuple[int, float]] = []
    marginal: dict[int, float] = {}
    for n in sizes:
        ms = measure(n)
        line = f"{n:>10} {ms:>9.1f} {ms / n * 1000:>7.0f}us"
        if results:
            prev_n, prev_ms = results[-1]
            marginal[n] = (ms - prev_ms) / (n - prev_n) * 1000
            line += f" {marginal[n]:>7.0f}us"
        results.append((n, ms))
        print(line, flush=True)
    ratio = marginal[sizes[-1]] / marginal[600] if marginal.get(600) else float("nan")
    target = f"  (goal <= {goal}x)" if goal else ""
    print(
        f"{name}: marginal cost per paragraph, {sizes[-1]} vs 600 paragraphs: "
        f"{marginal[sizes[-1]]:.0f} vs {marginal.get(600, float('nan')):.0f} us = {ratio:.2f}x{target}"
    )
    return ratio


def sized_report(paragraphs: int):  # -> Report
    """The synthetic report at a size, with the same mix at every size (a
    contribution for every four paragraphs), so that a growing cost per
    paragraph means a cost that grows faster than the report."""
    from cwgdraft.core.synthetic import synthetic_report

    return synthetic_report(paragraphs=paragraphs, meetings=5, contributions=paragraphs // 4)
