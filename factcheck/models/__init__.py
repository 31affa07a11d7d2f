"""Embedding and NLI backends, and the registry of the models factcheck ships.

``registry.resolve(name)`` turns a built-in model name ("factcheck/...") into a
local folder, building it on first use; any other Hugging Face name or local
path is passed through unchanged.
"""
