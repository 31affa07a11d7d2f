"""factcheck: do news outlets agree on the facts of one story?

    import factcheck
    result = factcheck.compare(["seeds/a.txt", "seeds/b.txt"])
    result.to_frame()   # one row per aligned pair of sentences
    factcheck.check("draft.md", ["seeds/a.txt", "seeds/b.txt"]).draft   # a draft, sentence by sentence
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["Result", "__version__", "check", "compare"]


def __getattr__(name: str):
    # Loaded on first use, so importing one submodule (factcheck.ingest, the
    # command line's --help) does not pull in the whole pipeline.
    if name in ("Result", "compare"):
        from factcheck import pipeline

        return getattr(pipeline, name)
    if name == "check":
        from factcheck.draft import check

        return check
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
