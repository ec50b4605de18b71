"""Write-then-rename, so an interrupted run never leaves a half-written output file."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal

from ..errors import OutputError


def check_output(path: Path, inputs: Iterable[str] = ()) -> None:
    """Refuse an output that would destroy something: one of the inputs, or anything that
    is not a regular file (a symlink, device, FIFO or folder would be replaced by the
    rename, or written through)."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write {_show(path)}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(info.st_mode):
        raise OutputError(f"refusing to write {_show(path)}: it is a symbolic link")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"refusing to write {_show(path)}: not a regular file (use -o - for stdout)")
    for raw in inputs:
        if raw == "-":
            continue
        try:
            same = Path(raw).samefile(path)
        except OSError:  # an input that is gone is reported as a failed input, not here
            same = False
        if same:
            raise OutputError(f"refusing to write {_show(path)}: it is one of the inputs")


def _show(path: Path) -> str:
    return show(str(path))


def show(text: str) -> str:
    """A path or message fit for a one-line report: control characters, newlines and
    undecodable bytes escaped, so a file name cannot forge a line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in unescape_bytes(text))


def unescape_bytes(text: str) -> str:
    """A file name's undecodable bytes (Python's surrogate escapes) as ``\\xfc`` text."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # lone surrogates that are no escapes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: Path, mode: Literal["w", "wb"] = "w") -> Iterator[IO[Any]]:
    """Yield a file in ``path``'s folder under a temporary name; rename it into place on success.

    The file gets the mode the umask allows, and every failure
    to write (a full disk, a folder gone) is an ``OutputError``."""
    folder = path.parent if str(path.parent) else Path()
    check_output(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot write {_show(path)}: {exc.strerror or exc}") from exc
    # The temporary name is chosen before the file is created, so an interrupt at any
    # point (Ctrl-C landing inside os.open) still knows what to remove.
    tmp: Path | None = None
    try:
        try:
            while True:
                tmp = folder / f".{path.name}.{secrets.token_hex(6)}.partial"
                try:
                    # Mode 0666 less the umask, as for any new file.
                    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                    break
                except FileExistsError:
                    tmp = None
            fh: IO[Any] = (
                os.fdopen(fd, "w", encoding="utf-8", newline="\n") if mode == "w" else os.fdopen(fd, "wb")
            )
            with fh:
                yield fh
            tmp.replace(path)
        except OSError as exc:
            raise OutputError(f"cannot write {_show(path)}: {exc.strerror or exc}") from exc
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
