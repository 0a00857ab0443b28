"""Run `sibamm bench` and store the records next to this file (benchmarks/results.json)."""

import json
import sys
from pathlib import Path

from sibamm.bench import run_bench

if __name__ == "__main__":
    records = run_bench(long="--long" in sys.argv)
    path = Path(__file__).with_name("results.json")
    path.write_text(json.dumps(records, indent=1))
    for r in records:
        print(
            f"{r['case']:<55} {r['seconds']:7.2f} s  stock {r['baseline_seconds']:7.2f} s  x{r['ratio']:.2f}"
        )
