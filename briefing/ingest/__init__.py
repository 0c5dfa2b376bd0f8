"""`briefing ingest`: keep a corpus folder fed from RSS/Atom feeds (the only command that uses the network).

`run.ingest` does the work. This module imports nothing: `briefing.config` reads the `feeds:`
settings (`settings`) for every command, and a build must not pay for importing the HTTP client.
"""
