"""Write files so that a reader never sees them half written."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from factcheck import interrupt


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):  # never hide the error that got us here
            os.unlink(tmp)
        raise


def write_files(folder: Path, texts: dict[str, str]) -> list[Path]:
    """Put every file of ``texts`` (name -> text) into ``folder``, all or
    none: each is written into a temporary folder beside it first, then the
    lot is renamed in with SIGINT and SIGTERM held off (interrupt.held). A
    new folder arrives in one rename; into an existing one each file is
    renamed over its old version, and any other file there is left alone."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)  # mkdtemp's folder is private; a report folder is not
    try:
        for name, text in texts.items():
            with open(staging / name, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        with interrupt.held():
            if folder.exists():
                for name in texts:
                    os.replace(staging / name, folder / name)
            else:
                os.rename(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already after a rename
    return [folder / name for name in texts]
