"""Run a design space: a local process pool by default, or an existing Dask cluster.

Each design runs in a worker as plain data in, plain data out (:func:`run_design`); the
parent writes every record to the store as it arrives and shows progress. Designs already
finished in the store are skipped, so rerunning an interrupted sweep resumes it. A design
that fails is recorded with its one-line reason and the sweep goes on.
"""

from __future__ import annotations

import os
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

import pybamm

from .. import __version__
from ..errors import SibammError
from ..simulation import simulate
from .metrics import design_metrics
from .space import Design, resolve
from .store import ResultStore

#: how long to wait for a Dask scheduler to answer
SCHEDULER_TIMEOUT = "10s"


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def run_design(spec: dict) -> dict:
    """Simulate one design (from :meth:`Design.spec`) and return its record; never raises."""
    t0, c0 = time.perf_counter(), time.process_time()
    record = {"key": spec["key"], "label": spec["label"], "axes": spec["axes"], "metrics": {}, "ragone": []}
    details = {"sibamm": __version__, "pybamm": pybamm.__version__, "pid": os.getpid()}
    try:
        design = resolve(spec["axes"])
        if design.key != spec["key"]:
            raise SibammError("design key differs in the worker: sibamm versions differ between processes")
        details["protocol"] = design.protocol.description
        result = simulate(
            design.cell,
            design.protocol,
            overrides=design.overrides,
            progress=False,
            keep_profiles=(),
        )
        out = design_metrics(result, design)
        record["metrics"], record["ragone"] = out["metrics"], out["ragone"]
        details.update({"energy basis": out["energy basis"], "stack": out.get("stack", {})})
        details["cycles completed"] = len(result.table)
        details["cycles planned"] = design.protocol.n_cycles
        if result.status == "interrupted":  # Ctrl-C reached the worker: not a result, not stored
            record["status"], record["reason"] = "interrupted", result.message
        elif result.completed:
            record["status"], record["reason"] = "completed", ""
        elif result.table.empty:
            record["status"], record["reason"] = "failed", result.message
        else:
            record["status"], record["reason"] = "stopped early", result.message
    except Exception as err:  # a failed design is a result, not the end of the sweep
        record["status"] = "failed"
        record["reason"] = _one_line(err)
        details["traceback tail"] = traceback.format_exc().strip().splitlines()[-3:]
    details["wall time [s]"] = round(time.perf_counter() - t0, 3)
    details["cpu time [s]"] = round(time.process_time() - c0, 3)
    record["details"] = details
    return record


@dataclass
class SweepResult:
    """Records of every design of the space (from the store, in space order) and what this run did."""

    records: list
    ran: int
    skipped: int
    failed: int
    wall_time: float
    workers: int | str
    keys: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "designs": len(self.records),
            "ran": self.ran,
            "skipped (already in the store)": self.skipped,
            "failed": self.failed,
            "wall time [s]": round(self.wall_time, 3),
            "workers": self.workers,
            "records": self.records,
        }


def _bar(total: int, show: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="designs", unit="design", disable=not show)


def run_sweep(
    designs: list[Design],
    db,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
    space: dict | None = None,
) -> SweepResult:
    """Run ``designs`` into the SQLite store ``db``; skip those already finished there.

    Parameters
    ----------
    designs : list of Design
        From :meth:`DesignSpace.resolve`.
    db : path
        SQLite file (created if missing).
    workers : int, optional
        Local processes (default: CPU count, at most the number of designs to run); 1 runs in
        this process. Ignored with ``scheduler``.
    scheduler : str, optional
        Address of a running Dask distributed scheduler (``tcp://host:port``); needs the
        ``dask`` extra (``pip install 'sibamm[dask]'``).
    """
    t0 = time.perf_counter()
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise SibammError(f"--workers must be a positive integer, got {workers!r}")
    keys = [d.key for d in designs]
    with ResultStore(db) as store:
        done = store.finished_keys()
        todo = [d.spec() for d in designs if d.key not in done]
        store.log_sweep(space or {}, len(designs))
        failed = 0
        bar = _bar(len(designs), progress)
        bar.update(len(designs) - len(todo))

        def finish(record):
            nonlocal failed
            if record["status"] == "interrupted":
                raise KeyboardInterrupt
            store.put(record)
            failed += record["status"] == "failed"
            bar.update(1)
            bar.set_postfix(failed=failed)

        try:
            if not todo:
                used = 0
            elif scheduler:
                used = f"dask {scheduler}"
                _run_dask(todo, scheduler, finish)
            else:
                used = min(workers or os.cpu_count() or 1, len(todo))
                if used == 1:
                    for spec in todo:
                        finish(run_design(spec))
                else:
                    _run_pool(todo, used, finish)
        finally:
            bar.close()
        records = store.get(keys)
    return SweepResult(
        records,
        len(todo),
        len(designs) - len(todo),
        failed,
        time.perf_counter() - t0,
        used if todo else 0,
        keys,
    )


def _run_pool(todo: list[dict], workers: int, finish) -> None:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(run_design, spec): spec for spec in todo}
        try:
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    spec = pending.pop(fut)
                    try:
                        record = fut.result()
                    except Exception as err:  # the worker process died
                        record = _lost(spec, err)
                    finish(record)
        except KeyboardInterrupt:
            for fut in pending:
                fut.cancel()
            raise


def _lost(spec: dict, err: BaseException) -> dict:
    return {
        "key": spec["key"],
        "label": spec["label"],
        "axes": spec["axes"],
        "status": "failed",
        "reason": f"worker lost: {_one_line(err)}",
        "metrics": {},
        "ragone": [],
        "details": {},
    }


def _run_dask(todo: list[dict], address: str, finish) -> None:
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise SibammError("--scheduler needs Dask: pip install 'sibamm[dask]'") from None
    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise SibammError(f"cannot reach the Dask scheduler at {address!r}: {_one_line(err)}") from None
    try:
        futures = [client.submit(run_design, spec, pure=False) for spec in todo]
        specs = {f.key: s for f, s in zip(futures, todo)}
        for fut in as_completed(futures):
            try:
                record = fut.result()
            except Exception as err:
                record = _lost(specs[fut.key], err)
            finish(record)
    finally:
        client.close()
