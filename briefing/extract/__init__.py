"""Extractors: temporal expressions, events and quotations found in one document."""
