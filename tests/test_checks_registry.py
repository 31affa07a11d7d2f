"""One registry of checks, one shape, and a package without import circles."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from checks_util import run_level, seeds

from factcheck import checks, config
from factcheck.checks import CHECKS, Run

PACKAGE = Path(checks.__file__).resolve().parent.parent


def test_the_registry_holds_every_check_under_the_names_disable_checks_accepts():
    assert tuple(CHECKS) == config.CHECKS
    assert all(name == check.name for name, check in CHECKS.items())


def test_every_check_is_documented_in_the_checks_readme():
    readme = (PACKAGE / "checks" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How they plug into the pipeline")[1].split("\n## ")[0]
    listed = re.findall(r"^\| `([a-z-]+)` \|", section, flags=re.M)
    assert listed == list(CHECKS)


def test_every_check_takes_the_run_and_one_with_no_aligned_pair_needs_no_model():
    articles, sentences = seeds()
    run = Run(articles, sentences, [], config.Options())
    by_check = {name: check.run(run) for name, check in CHECKS.items()}
    # nli, date-agreement and place judge aligned pairs only; the others look
    # at every sentence and find the seeds' one misattribution and new minister.
    assert {name for name, found in by_check.items() if found} == {"role", "attribution"}
    assert [(s.category, s.verdict) for _, _, s in by_check["attribution"]] == [("attribution", "contradiction")]
    assert [(s.category, s.verdict) for _, _, s in by_check["role"]] == [("temporal", "neutral")]
    assert sorted(s.category for _, _, s in run_level(articles, sentences)) == ["attribution", "temporal"]


def test_enabled_leaves_out_what_options_switch_off_and_keeps_the_order():
    on = [c.name for c in checks.enabled(config.Options(disable_checks=["nli", "date"]))]
    assert on == [n for n in config.CHECKS if n not in ("nli", "date")]


def _imports(path: Path, module: str) -> set[str]:
    """The factcheck modules ``module`` imports anywhere in its file (at the
    top, in a function or for type checking alone)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                # "from pkg import mod" imports the module, "from pkg import name" the package
                found.add(sub if _file(sub) else base)
    return {m for m in found if m.startswith("factcheck") and _file(m) and m != module}


def _file(module: str) -> Path | None:
    path = PACKAGE.parent / module.replace(".", "/")
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def test_no_module_imports_one_that_imports_it_back():
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts[:-1] if relative.name == "__init__" else relative.parts)
        modules[name] = _imports(path, name)

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in modules.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    circles = sorted(m for m in modules if m in reaches(m))
    assert circles == []
