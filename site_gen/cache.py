"""Build cache: what earlier builds computed, keyed by the content hash of their inputs.

Two files in a folder the user may delete at any time (default ``.cache/<output
name>/`` beside the output folder):

- ``state.json``: the fingerprint of every input of the last successful build
  (content, templates, static files, generator code, options, date) and the
  size and mtime of every file it wrote, so an unchanged build does nothing.
- ``memo.pickle``: parsed and validated sources and rendered Markdown bodies,
  keyed by the hash of each source file's path and bytes, and search records
  (each entry's folded fields, the common English words near the catalog's),
  keyed by the hash of what each is made of (magic line, a run of
  pickles, then a newline and their SHA-256 in hex). The first pickle holds the
  generator's fingerprint and the record counts, each later one a batch of
  records: the pickler's table of objects it has seen, which grows with what
  it writes, never holds more than one batch (about 800 MiB saved at 100,000
  entries).

Both carry a checksum and the generator's fingerprint; a file that is missing,
corrupt or from another generator version is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, NamedTuple

PACKAGE_DIR = Path(__file__).resolve().parent
LIBRARIES = ("jinja2", "markupsafe", "markdown", "nh3", "pydantic", "pydantic-core", "pyyaml", "pycountry", "lunr", "pyspellchecker", "babel", "email-validator", "rjsmin", "rcssmin")
STATE_FILE = "state.json"
MEMO_FILE = "memo.pickle"
PAGES_FILE = "pages.json"  # read only when building: see page_reuse
_MAGIC = b"catalog-gen-memo 4\n"
_TRAILER = 65  # b"\n" + sha256 hex digest of the pickles
_BATCH = 1000  # records per pickle


def default_cache_dir(content: Path, output: Path) -> Path:
    """Where a build of ``content`` into ``output`` keeps its cache: ``<content>/.cache/<output name>/``.

    The load stage ignores dot-folders, and the content hash skips them too.
    """
    return content / ".cache" / output.name


def _files_below(folder: Path, suffix: str = "", skip_hidden: bool = False, layout: bool = False) -> Iterator[tuple[str, str | None]]:
    """Yield (relative posix path, path) of every file below ``folder`` ending in ``suffix``, sorted.

    The order and the rules of ``os.walk`` (a folder's files, then each sub-folder
    by name; links to folders are not followed), with ``os.scandir`` and plain
    strings: a build with nothing to do spends most of its time here. With
    ``layout``, also (record, None) for every folder ("name/") and link
    ("name -> target"), which hold no bytes of their own.
    """
    if folder.is_dir():
        yield from _walk(os.fspath(folder), "", suffix, skip_hidden, layout)


def _walk(directory: str, prefix: str, suffix: str, skip_hidden: bool, layout: bool = False) -> Iterator[tuple[str, str | None]]:
    try:
        with os.scandir(directory) as scan:
            entries = [entry for entry in scan if not (skip_hidden and entry.name.startswith("."))]
    except OSError:
        return  # (as os.walk: an unreadable folder is left out)
    folders, files, links = [], [], set()
    for entry in entries:
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        (folders if is_folder else files).append(entry.name)
        if layout and entry.is_symlink():
            links.add(entry.name)
    for name in sorted(files):
        if name.endswith(suffix):
            if name in links:
                yield f"{prefix}{name} -> {_link_target(os.path.join(directory, name))}", None
            yield prefix + name, os.path.join(directory, name)
    for name in sorted(folders):
        path = os.path.join(directory, name)
        if layout:
            yield (f"{prefix}{name}/ -> {_link_target(path)}" if name in links else f"{prefix}{name}/"), None
        if not os.path.islink(path):
            yield from _walk(path, f"{prefix}{name}/", suffix, skip_hidden, layout)


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _file_digest(path: str) -> bytes:
    try:
        # (without waiting: a plain open of a named pipe waits for a writer for ever; one call to open, one to check)
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return b"not a file"
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError as error:  # unreadable or a dangling link: the load stage reports it
        return f"unreadable {error.errno}".encode()


def hash_tree(folder: Path, digest: Any, label: str, suffix: str = "", skip_hidden: bool = False, layout: bool = False) -> None:
    """Feed every file's relative path and bytes below ``folder`` into ``digest``; with ``layout``, every folder and link too."""
    digest.update(f"\0tree {label} {folder.is_dir()}\0".encode())
    for relative, path in _files_below(folder, suffix, skip_hidden, layout):
        name = relative.encode("utf-8", "surrogateescape")
        digest.update(name + b"\0" + (_file_digest(path) if path is not None else b"layout\0"))


def _library_versions() -> str:
    """Versions of the libraries whose upgrades can change the output.

    Read from the names of their ``NAME-VERSION.dist-info`` folders (PEP 491), the
    first on ``sys.path`` as for imports: far quicker than importing
    ``importlib.metadata``, which was a fifth of a build with nothing to do. A
    library not found that way is looked up with ``importlib.metadata``.
    """
    wanted = {_normalised(name) for name in LIBRARIES}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in names:
            name, _, version = entry.removesuffix(".dist-info").partition("-")
            key = _normalised(name)
            if entry.endswith(".dist-info") and key in wanted and key not in found and version[:1].isdigit():
                found[key] = version
    return ",".join(f"{name}={found.get(_normalised(name)) or _installed_version(name)}" for name in LIBRARIES)


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503


def _installed_version(name: str) -> str:
    from importlib import metadata  # (only for a library installed without a dist-info folder)

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"


def code_fingerprint() -> str:
    """Hash of the generator's code, Python and library versions, and the npm packages installed
    (lunr.js, the world atlas, CLDR regions): any upgrade invalidates every cache."""
    digest = hashlib.sha256(f"{sys.version}\0{_library_versions()}".encode())
    hash_tree(PACKAGE_DIR, digest, "code", suffix=".py")
    try:
        digest.update((PACKAGE_DIR.parent / "node_modules" / ".package-lock.json").read_bytes())  # (npm's record of what it installed)
    except OSError:
        digest.update(b"no node_modules")
    return digest.hexdigest()


def source_key(relative: str, data: bytes) -> str:
    """The cache key of one source file: its path and its bytes."""
    return hashlib.sha256(relative.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


class FileStamp(NamedTuple):
    """Size and modification time of one output file, as the last build left it.

    A named tuple (not a dataclass): a build with nothing to do makes and compares
    one per output file, and tuples do both in C.
    """

    size: int
    mtime_ns: int


UNREADABLE = FileStamp(-1, -1)  # (a file whose status cannot be read: a dangling link, or one removed meanwhile)


def stamp_tree(folder: Path) -> dict[str, FileStamp]:
    """Stamp every file below ``folder`` (links to folders are not followed, as by ``_files_below``).

    A walk of its own, unsorted (a dict compares without order), with each entry's
    cached type and one ``stat``: a build with nothing to do spends a third of its
    time stamping the last output, a folder per page.
    """
    stamps: dict[str, FileStamp] = {}
    if folder.is_dir():
        _stamp_below(os.fspath(folder), "", stamps)
    return stamps


def _stamp_below(directory: str, prefix: str, stamps: dict[str, FileStamp]) -> None:
    try:
        scan = os.scandir(directory)
    except OSError:
        return  # (as os.walk: an unreadable folder is left out)
    with scan:
        for entry in scan:
            try:
                if entry.is_dir():
                    if not entry.is_symlink():
                        _stamp_below(entry.path, f"{prefix}{entry.name}/", stamps)
                    continue
                status = entry.stat()
            except OSError:
                stamps[prefix + entry.name] = UNREADABLE
                continue
            stamps[prefix + entry.name] = FileStamp(status.st_size, status.st_mtime_ns)


@dataclass
class BuildCache:
    """One cache folder: the last build's fingerprint and stamps, and the memo of sources and bodies."""

    folder: Path | None
    code: str = field(default_factory=code_fingerprint)
    fingerprint: str = ""
    stamps: dict[str, FileStamp] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    bodies: dict[str, Any] = field(default_factory=dict)
    search: dict[str, Any] = field(default_factory=dict)  # the last build's search files: see search.reusable_bundle
    search_records: dict[str, Any] = field(default_factory=dict)  # search records by the key of their inputs: see search.SearchMemo
    pages: dict[str, Any] = field(default_factory=dict)  # the last build's pages: see page_reuse
    _memo_loaded: bool = False

    @classmethod
    def open(cls, folder: Path | None) -> "BuildCache":
        """Read the small state file; the memo is read only when needed."""
        cache = cls(folder)
        state = _read_state(folder / STATE_FILE) if folder else None
        if state is not None and state.get("code") == cache.code:
            cache.fingerprint = state["fingerprint"]
            cache.stamps = {name: FileStamp(*value) for name, value in state["stamps"].items()}
            cache.search = state["search"] if isinstance(state.get("search"), dict) else {}
        return cache

    def is_unchanged(self, fingerprint: str, output: Path) -> bool:
        """True when the inputs equal the last build's and its output is untouched."""
        return bool(self.fingerprint) and self.fingerprint == fingerprint and stamp_tree(output) == self.stamps

    def load_memo(self) -> None:
        """Read parsed sources and rendered bodies of earlier builds (once)."""
        if self._memo_loaded or self.folder is None:
            return
        self._memo_loaded = True
        memo = read_memo(self.folder / MEMO_FILE, self.code)
        if memo is not None and len(memo) == 3:
            self.sources, self.bodies, self.search_records = memo
        pages = _read_checked_json(self.folder / PAGES_FILE)
        self.pages = pages if pages is not None and pages.get("code") == self.code else {}

    def forget(self) -> None:
        """Drop the record of the last build (its output is about to change)."""
        self.fingerprint, self.stamps = "", {}
        if self.folder is not None:
            with contextlib.suppress(OSError):
                (self.folder / STATE_FILE).unlink(missing_ok=True)

    def retain(self, source_keys: Iterable[str], body_keys: Iterable[str | None]) -> None:
        """Keep only the memo entries the current build used, so the memo never outgrows the catalog."""
        self.sources = {key: self.sources[key] for key in set(source_keys) if key in self.sources}
        self.bodies = {key: self.bodies[key] for key in set(body_keys) if key is not None and key in self.bodies}

    def keep_search_records(self, made: dict[str, Any], used: Iterable[str]) -> None:
        """Add the search records a build made; keep only those it used."""
        known = {**self.search_records, **made}
        self.search_records = {key: known[key] for key in used if key in known}

    def save(self, fingerprint: str, output: Path) -> None:
        """Record a successful build: its fingerprint, its output's stamps and the memo."""
        if self.folder is None:
            return
        try:
            self._write(fingerprint, output)
        except OSError:
            pass  # a cache that cannot be written (read-only content) only makes the next build slower

    def _write(self, fingerprint: str, output: Path) -> None:
        assert self.folder is not None
        self.folder.mkdir(parents=True, exist_ok=True)
        write_memo(self.folder / MEMO_FILE, self.code, self.sources, self.bodies, self.search_records)
        _write_checked_json(self.folder / PAGES_FILE, {**self.pages, "code": self.code})
        self.fingerprint, self.stamps = fingerprint, stamp_tree(output)
        state = {"code": self.code, "fingerprint": fingerprint,
                 "stamps": {name: [stamp.size, stamp.mtime_ns] for name, stamp in self.stamps.items()}, "search": self.search}
        _write_checked_json(self.folder / STATE_FILE, state)  # (last: the record of a finished build)


def _write_checked_json(path: Path, value: dict[str, Any]) -> None:
    """Write JSON followed by its SHA-256, atomically (read back by ``_read_checked_json``)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"))
    _write_atomic(path, text.encode() + b"\n" + hashlib.sha256(text.encode()).hexdigest().encode())


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read_checked_json(path: Path) -> dict[str, Any] | None:
    """A JSON object written by ``_write_checked_json``, or None when it is missing, truncated or altered."""
    try:
        text, _, checksum = path.read_bytes().rpartition(b"\n")
        if hashlib.sha256(text).hexdigest().encode() != checksum:
            return None
        value = json.loads(text)
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _read_state(path: Path) -> dict[str, Any] | None:
    """The state file, or None when it is missing, truncated or altered."""
    state = _read_checked_json(path)
    if state is not None and isinstance(state.get("stamps"), dict) and isinstance(state.get("fingerprint"), str):
        return state
    return None


def read_memo(path: Path, code: str) -> tuple[dict[str, Any], ...] | None:
    """The memo's groups of records (sources, bodies, search records), or None when it is missing, corrupt or from other
    code (checked before unpickling)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC or not _payload_matches_trailer(handle, path.stat().st_size):
                return None
            handle.seek(len(_MAGIC))
            memo_code, *counts = pickle.load(handle)  # noqa: S301 - our own file, checksum verified
            if memo_code != code:
                return None
            return tuple(_read_records(handle, count) for count in counts)
    except Exception:  # an unreadable or damaged memo can raise almost anything: it is only a cache
        return None


def _read_records(handle: BinaryIO, count: int) -> dict[str, Any]:
    """``count`` records from the batches that follow in ``handle``."""
    records: dict[str, Any] = {}
    while len(records) < count:
        batch = pickle.load(handle)  # noqa: S301 - our own file, checksum verified
        if not isinstance(batch, list) or not batch:
            raise ValueError("not a batch of memo records")
        records.update(batch)
    return records


def _payload_matches_trailer(handle: BinaryIO, size: int) -> bool:
    """Hash the payload in chunks (never all in memory) and compare it with the trailing checksum."""
    left = size - len(_MAGIC) - _TRAILER
    if left < 0:
        return False
    digest = hashlib.sha256()
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            return False
        digest.update(chunk)
        left -= len(chunk)
    return handle.read() == b"\n" + digest.hexdigest().encode()


class _HashingWriter:
    """A file wrapper that hashes what is written through it."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.handle.write(data)


def write_memo(path: Path, code: str, *groups: dict[str, Any]) -> None:
    """Write magic, the pickles of each group of records and their checksum through a temporary file, then rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(_MAGIC)
            writer = _HashingWriter(handle)
            pickle.dump((code, *map(len, groups)), writer, protocol=pickle.HIGHEST_PROTOCOL)
            for records in groups:
                items = list(records.items())
                for start in range(0, len(items), _BATCH):
                    pickle.dump(items[start:start + _BATCH], writer, protocol=pickle.HIGHEST_PROTOCOL)
            handle.write(b"\n" + writer.digest.hexdigest().encode())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
