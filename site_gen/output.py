"""Write stage: files into a temporary sibling folder, then one swap into place.

The previous site stays exactly as it was until the new one is complete;
leftovers of an interrupted build are removed by the next one. A file whose
bytes equal the previous site's is hard-linked from it instead of written
again (the previous file itself is never opened for writing), so a rebuild
writes only what changed and unchanged files keep their modification time.
"""

from __future__ import annotations

import filecmp
import itertools
import os
import shutil
import stat
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Union

from .assets import static_files

FileData = Union[bytes, Path]  # a file's bytes, or a finished file to link (or copy) into place

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputError(Exception):
    """The output folder cannot be used or written."""


def refuse_dangerous_output(output: Path, content: Path) -> None:
    """Refuse output folders whose replacement would destroy something else."""
    out = output.resolve()
    src = content.resolve()
    if out == Path(out.anchor) or out == Path.home().resolve():
        raise OutputError(f"refusing to write the site to {output}: choose a dedicated folder such as _site")
    if out == src or out in src.parents:
        raise OutputError(f"refusing to write the site to {output}: it is or contains the content folder")
    if src in out.parents:
        raise OutputError(f"refusing to write the site to {output}: it is inside the content folder")
    if (out / ".git").exists():
        raise OutputError(f"refusing to write the site to {output}: it is a repository root")
    if out.exists() and not out.is_dir():
        raise OutputError(f"refusing to write the site to {output}: it is a file, not a folder")


def _leftovers(output: Path, kind: str) -> list[Path]:
    """Staging (``building``) or swapped-out (``old``) folders of builds that are no longer running."""
    parent = output.parent
    if not parent.is_dir():
        return []
    return [path for path in sorted(parent.glob(f".{output.name}.{kind}-*")) if not _is_running(path.name.rsplit("-", 1)[-1])]


def _is_running(pid_text: str) -> bool:
    """True when the build process that owns a leftover folder is still alive (never this one)."""
    if not pid_text.isdigit() or int(pid_text) == os.getpid():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def recover_output(output: Path) -> None:
    """Clean up after interrupted builds; restore a site caught between the two renames of a swap.

    A build killed after moving the old site aside but before moving the new one
    in leaves no ``output`` but an ``.NAME.old-PID`` folder: that is the last good
    site, so it goes back in place. Every other leftover is removed.
    """
    olds = _leftovers(output, "old")
    if olds and not output.exists() and not output.is_symlink():
        newest = max(olds, key=lambda path: path.stat().st_mtime)
        newest.rename(output)
        olds.remove(newest)
    for leftover in _leftovers(output, "building") + _leftovers(output, "spool") + olds:
        shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def spool_folder(output: Path) -> Iterator[Path]:
    """A folder beside ``output`` for finished files that wait to be linked into the site; removed afterwards."""
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = output.parent / f".{output.name}.spool-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _safe_target(root: Path, relative: str) -> Path:
    """Resolve ``relative`` inside ``root``; refuse anything that escapes it."""
    if relative.startswith("/") or "\\" in relative or any(part in ("", ".", "..") for part in relative.split("/")):
        raise OutputError(f"refusing to write outside the output folder: {relative!r}")
    return root / relative


def _is_same_file(previous: Path, data: FileData) -> bool:
    """True when ``previous`` is a regular file holding exactly ``data``."""
    try:
        status = previous.lstat()
        if not stat.S_ISREG(status.st_mode):
            return False
        if isinstance(data, Path):
            other = data.stat()
            return os.path.samestat(status, other) or (status.st_size == other.st_size and filecmp.cmp(previous, data, shallow=False))
        return status.st_size == len(data) and previous.read_bytes() == data
    except OSError:
        return False


def _link(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
        return True
    except OSError:
        return False  # no hard links here (another file system)


def _put(target: Path, data: FileData, previous: Path | None) -> None:
    """Link the previous site's identical file (or the finished file ``data``) to a new ``target``, or write it."""
    if previous is not None and _is_same_file(previous, data) and _link(previous, target):
        return
    if isinstance(data, Path):
        if not _link(data, target):
            shutil.copyfile(data, target)
        return
    target.write_bytes(data)  # a new name: write_tree unlinks a repeated one first


def write_tree(root: Path, files: Iterable[tuple[str, FileData]], previous: Path | None = None) -> int:
    """Write ``(relative path, bytes or finished file)`` pairs below ``root``, reusing ``previous``'s identical files; return the count."""
    count = 0
    made: set[Path] = set()
    written: set[str] = set()
    for relative, data in files:
        target = _safe_target(root, relative)
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if relative in written:
            target.unlink()  # the name may be a link to the previous site's file: never write through it
        written.add(relative)
        _put(target, data, _safe_target(previous, relative) if previous is not None else None)
        count += 1
    return count


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE) if available."""
    try:
        import ctypes  # (only when a build swaps its output in: a build with nothing to do never does)

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def publish(staging: Path, output: Path) -> Path | None:
    """Put a finished staging folder in place of ``output`` (atomically where possible); return the folder that
    now holds the previous site, for the caller to remove (None when there was none)."""
    if not output.exists():
        staging.rename(output)
        return None
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    if _exchange(staging, output):
        return staging
    output.rename(old)
    staging.rename(output)
    return old


def _remove(folder: Path | None) -> None:
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def write_site(output: Path, files: Iterable[tuple[str, FileData]], static_dir: Path | None,
               meanwhile: Callable[[], object] | None = None) -> int:
    """Write a whole site to ``output`` through a staging folder; return the file count.

    ``meanwhile`` (saving the build cache) runs once the new site is in place, while a thread removes
    the previous one (1–2 s for 14,000 folders, mostly waiting on the file system).
    """
    recover_output(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.building-{os.getpid()}"
    staging.mkdir()
    try:
        previous = output if output.is_dir() else None
        count = write_tree(staging, itertools.chain(files, static_files(static_dir)), previous)
        old = publish(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    removal = threading.Thread(target=_remove, args=(old,), name="remove previous site")
    removal.start()
    try:
        if meanwhile is not None:
            meanwhile()
    finally:
        removal.join()
    return count
