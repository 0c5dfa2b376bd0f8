"""`briefing ingest`: keep a corpus folder fed from RSS/Atom feeds (the only command that uses the network)."""

from briefing.ingest.run import IngestReport, ingest

__all__ = ["IngestReport", "ingest"]
