"""The hash chain of a session log: canonical JSON of events, SHA-256 links, the check of
a chain and the diagnosis of its damage. Pure: hashing is computation, not I/O."""
