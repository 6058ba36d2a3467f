"""JSON documents with locations: reading untrusted JSON within limits, into pydantic
models, with every problem a `Diagnostic` located by JSON pointer and line:column.

Used for scenario packs, mandate catalogues and playthrough scripts alike."""
