"""The lexicon split into one file per language (checks/lang/): the merge
rule, adding a language by adding a file, and the merged data still being
the single lexicon.json it was split from."""

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from factcheck.checks.lexicon import LANG, build, fold, lang_files, load, merge

# Per section of the lexicon as it was one file (checks/data/lexicon.json,
# removed when it was split), the number and a hash of its facts: what
# facts() gives for it, generated once from that file.
FINGERPRINT = Path(__file__).parent / "data" / "lexicon_fingerprint.json"


def facts(node, path=()) -> list[str]:
    """Everything a lexicon section says, as sorted lines: each dict key,
    each scalar with its path and each list item with its list's path. Lists
    count as sets: the checks sort their alternations longest first and
    otherwise only test membership. Notes (keys that start with "_") are
    no data."""
    if isinstance(node, dict):
        node = {k: v for k, v in node.items() if not k.startswith("_")}
        out = [json.dumps([*path, k], ensure_ascii=False) for k in node]
        for k, v in node.items():
            out += facts(v, (*path, k))
        return out
    if isinstance(node, list):
        return sorted({json.dumps([*path, "[]", item], ensure_ascii=False) for item in node})
    return [json.dumps([*path, "=", node], ensure_ascii=False)]


def tables(lx) -> dict[str, list[str]]:
    """The lookup tables built from the lexicon, which depend on which entry
    a phrase lands in when two claim it."""
    pairs = {
        "country_of": lx.country_of,
        "inst_of": lx.inst_of,
        "itype_of": lx.itype_of,
        "role_of": lx.role_of,
        "modifier_of": lx.modifier_of,
        "nick": {k: sorted(v) for k, v in lx.nick.items()},
    }
    return {name: sorted(json.dumps([k, v], ensure_ascii=False) for k, v in t.items()) for name, t in pairs.items()}


def fingerprint(raw: dict) -> dict:
    sections = {key: facts(value, (key,)) for key, value in raw.items() if not key.startswith("_")}
    sections |= {f"table:{k}": v for k, v in tables(build(raw)).items()}
    return {k: [len(v), hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest()] for k, v in sorted(sections.items())}


def test_the_merged_files_are_the_lexicon_they_were_split_from():
    want = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    got = fingerprint(merge())
    assert sorted(got) == sorted(want)
    assert {k: v for k, v in got.items() if want[k] != v} == {}


def test_common_comes_first_then_the_languages_by_code():
    assert [f.stem for f in lang_files()] == ["common", "en", "id"]


def test_adding_a_language_is_adding_a_file(tmp_path):
    for f in lang_files():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "fr.json").write_text(
        json.dumps(
            {
                "countries": {"de": {"names": ["Allemagne"]}},
                "roles": {"foreign_minister": {"names": ["ministre des Affaires étrangères"]}},
                "dates": {"weekdays": {"0": ["lundi"]}},
            }
        ),
        encoding="utf-8",
    )
    lx = build(merge(tmp_path))
    assert lx.role_of[fold("ministre des Affaires étrangères")] == "foreign_minister"
    assert lx.country_of["allemagne"] == "de"
    m = lx.chain_re.search("selon le ministre des Affaires étrangères d'Allemagne")
    assert m and m.group(0) == "ministre des Affaires étrangères"
    assert lx.raw["dates"]["weekdays"]["0"] == ["monday", "lundi", "senin"]  # by code: en, fr, id
    # what the other files said is untouched
    assert lx.role_of == {**load().role_of, fold("ministre des Affaires étrangères"): "foreign_minister"}


def test_a_scalar_two_files_disagree_on_is_an_error(tmp_path):
    (tmp_path / "common.json").write_text('{"roles": {"king": {"family": "head_of_state", "names": ["Raja"]}}}')
    (tmp_path / "xx.json").write_text('{"roles": {"king": {"family": "monarch", "names": ["Roi"]}}}')
    with pytest.raises(ValueError, match="roles.king.family"):
        merge(tmp_path)


def test_repeats_across_files_are_dropped_keeping_the_first(tmp_path):
    (tmp_path / "common.json").write_text('{"stopwords": ["per"]}')
    (tmp_path / "aa.json").write_text('{"stopwords": ["the", "per"]}')
    (tmp_path / "bb.json").write_text('{"stopwords": ["the", "yang"]}')
    assert merge(tmp_path)["stopwords"] == ["per", "the", "yang"]


def test_only_common_holds_notes():
    # a "_doc" in two files would be two values for one scalar
    for f in lang_files():
        if f.stem != "common":
            assert "_doc" not in json.loads(f.read_text(encoding="utf-8")), f.name
    assert LANG.name == "lang"
