"""Run the real command line with one injected fault (used by test_faults.py in a subprocess).

    python tests/faulty_build.py FAULT N -- build --content C --output O

FAULT is one of:
  kill-at-write N     SIGKILL this process when it opens its N-th file for writing in a staging folder
  enospc-at-write N   make that open fail with OSError(ENOSPC), as on a full disk
  readonly-parent 0   every change inside the output's parent fails with EACCES (a read-only folder,
                      for when the tests run as root and chmod cannot make one)
  kill-between-renames 0   no atomic exchange; SIGKILL right after the old site is moved aside
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import signal
import sys
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_gen import output  # noqa: E402
from site_gen.cli import main  # noqa: E402

_real_open = builtins.open
_writes = 0


def _is_write(mode: str) -> bool:
    return any(flag in mode for flag in "wxa+")


def _fault_at_write(count: int, fault: Callable[[str], None]) -> None:
    def faulty_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        global _writes
        if _is_write(mode) and ".building-" in str(file):
            _writes += 1
            if _writes >= count:
                fault(str(file))
        return _real_open(file, mode, *args, **kwargs)

    builtins.open = io.open = faulty_open  # type: ignore[assignment]


def _kill(_: str = "") -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _no_space(path: str) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)


def _read_only(parent: Path) -> None:
    """Refuse every change whose target is inside ``parent`` (the output itself excepted: it is not touched)."""

    def guard(function: Callable[..., Any], *arg_positions: int) -> Callable[..., Any]:
        def guarded(*args: Any, **kwargs: Any) -> Any:
            for position in arg_positions:
                if position < len(args) and Path(os.fsdecode(args[position])).absolute().parent == parent:
                    raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(args[position]))
            return function(*args, **kwargs)

        return guarded

    os.mkdir = guard(os.mkdir, 0)
    os.rename = guard(os.rename, 0, 1)
    os.replace = guard(os.replace, 0, 1)
    os.rmdir = guard(os.rmdir, 0)
    output._exchange = guard(output._exchange, 0, 1)  # type: ignore[assignment]


def _kill_between_renames(site: Path) -> None:
    output._exchange = lambda first, second: False  # type: ignore[assignment]
    real_rename = os.rename

    def rename(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        real_rename(source, target, *args, **kwargs)
        if Path(os.fsdecode(source)).absolute() == site:
            _kill()

    os.rename = rename  # type: ignore[assignment]


def _output_of(arguments: list[str]) -> Path:
    return Path(arguments[arguments.index("--output") + 1]).absolute()


def run(fault: str, count: int, arguments: list[str]) -> int:
    if fault == "kill-at-write":
        _fault_at_write(count, _kill)
    elif fault == "enospc-at-write":
        _fault_at_write(count, _no_space)
    elif fault == "readonly-parent":
        _read_only(_output_of(arguments).parent)
    elif fault == "kill-between-renames":
        _kill_between_renames(_output_of(arguments))
    else:
        raise SystemExit(f"unknown fault {fault!r}")
    return main(arguments)


if __name__ == "__main__":
    separator = sys.argv.index("--")
    sys.exit(run(sys.argv[1], int(sys.argv[2]), sys.argv[separator + 1 :]))
