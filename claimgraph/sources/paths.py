"""Input paths: expand files and folders into input items, and read a file without trusting its size.

Every item is either readable (a regular file, or ``-`` for stdin) or a failure with a one-line reason, so a
batch never skips anything silently and never hangs:

* folders are walked recursively in name order; an unreadable folder, a broken symbolic link and a symbolic
  link loop are each reported;
* FIFOs, devices and sockets are refused before they are opened (reading ``/dev/zero`` or a FIFO would never
  end), and files are read with a cap rather than trusting ``st_size``;
* hidden entries (``.git``, ``.claimgraph`` …) and metadata sidecars are left out, and so are the store's own
  files (``exclude``), wherever the store is;
* a name that is not valid UTF-8 is shown (and stored) in a readable form, ``bad\\xff.txt``; control characters
  and invisible format characters (a right-to-left override) are shown escaped.

>>> display(os.fsdecode(b"bad\\xff\\xfe.txt")), display("new\\nline.txt"), display("\\u202eevil.txt")
('bad\\\\xff\\\\xfe.txt', 'new\\\\nline.txt', '\\\\u202eevil.txt')
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import InputError

SIDECAR_SUFFIX = ".meta.json"
# Controls, and invisible format characters that could disguise a name (bidirectional overrides, zero widths).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_ESCAPED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input: a regular file, stdin (``path`` None), or a failure with its reason."""

    label: str
    path: Path | None
    error: str | None = None


def display(name: str | os.PathLike[str]) -> str:
    """A readable, single-line, UTF-8 safe form of a file name (undecodable bytes as ``\\xNN``, controls escaped)."""
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: _ESCAPED.get(m.group(0), _escape(m.group(0))), text)
    return text


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _not_regular(label: str, mode: int) -> str:
    return f"{label}: not a regular file ({_kind(mode)}); give a file or a folder, or pipe it to '-'"


def _stat_error(label: str, path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            target = display(os.readlink(path))
            return f"{label}: broken symbolic link (it points to {target}, which does not exist); fix or remove the link"
        return f"{label}: no such file or folder; check the path"
    if exc.errno == errno.ELOOP:
        return f"{label}: symbolic link loop; remove the link"
    if exc.errno == errno.ENAMETOOLONG:
        return f"{label}: file name too long for this system; rename the file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{label}: permission denied; check its permissions"
    if exc.errno == errno.ENOTDIR:
        return f"{label}: no such file or folder (a part of the path is a file); check the path"
    return f"{label}: cannot read ({exc.strerror or exc}); check the path"


def walk_inputs(paths: Iterable[str], *, exclude: Iterable[str | Path] = ()) -> Iterator[InputItem]:
    """Expand files, folders (recursively, in name order) and ``-`` (stdin) into input items.

    ``exclude`` names files and folders never to read (the store's own files).
    """
    skip = {_identity(p) for p in exclude}
    skip.discard(None)
    for raw in paths:
        if raw == "-":
            yield InputItem("-", None)
            continue
        path = Path(raw)
        label = display(raw)
        try:
            st = path.stat()
        except OSError as exc:
            yield InputItem(label, path, _stat_error(label, path, exc))
            continue
        if (st.st_dev, st.st_ino) in skip:
            yield InputItem(label, path, f"{label}: this is the store's own folder or lock file, not articles; "
                                         "give the folder that holds the articles")
        elif stat.S_ISDIR(st.st_mode):
            yield from _walk_dir(path, label, [(st.st_dev, st.st_ino)], skip)
        elif stat.S_ISREG(st.st_mode):
            yield InputItem(label, path)
        else:
            yield InputItem(label, path, _not_regular(label, st.st_mode))


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _walk_dir(folder: Path, label: str, ancestors: list[tuple[int, int]],
              skip: set[tuple[int, int] | None]) -> Iterator[InputItem]:
    try:
        with os.scandir(folder) as it:
            names = sorted(entry.name for entry in it)
    except OSError as exc:
        reason = "permission denied; check its permissions" if exc.errno in (errno.EACCES, errno.EPERM) else \
            f"{exc.strerror or exc}"
        yield InputItem(label, folder, f"{label}: cannot read the folder ({reason})")
        return
    for name in names:
        if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
            continue
        child = folder / name
        child_label = display(child)
        try:
            st = child.stat()
        except OSError as exc:
            yield InputItem(child_label, child, _stat_error(child_label, child, exc))
            continue
        key = (st.st_dev, st.st_ino)
        if key in skip:
            continue
        if stat.S_ISDIR(st.st_mode):
            if key in ancestors:
                yield InputItem(child_label, child, f"{child_label}: symbolic link loop (it leads back to a folder "
                                                    "above it); remove the link")
                continue
            yield from _walk_dir(child, child_label, [*ancestors, key], skip)
        elif stat.S_ISREG(st.st_mode):
            yield InputItem(child_label, child)
        else:
            yield InputItem(child_label, child, _not_regular(child_label, st.st_mode))


def read_capped(path: Path, max_bytes: int, *, label: str | None = None) -> bytes:
    """Read at most ``max_bytes + 1`` bytes of a regular file (the caller refuses anything longer).

    The file is opened without blocking and checked after opening, so a FIFO or device put in its place is
    refused rather than read forever.

    :raises InputError: when ``path`` is not a regular file; :raises OSError: when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            name = label or display(path)
            raise InputError(_not_regular(name, mode))
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
