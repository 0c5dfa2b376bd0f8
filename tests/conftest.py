"""Test-wide settings.

BRIEFING_DEBUG=1: an exception inside extraction is a bug and is raised with its traceback,
instead of the warning a user's build shows (briefing/extraction.extract_document), so no test can
pass over a bug as a warning. Worker processes inherit it through the environment.

`postgres_url` and `store_spec` are here so that every module testing the store shares one
PostgreSQL server.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import pg_server
from tests.store_helpers import empty_store

os.environ["BRIEFING_DEBUG"] = "1"


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server for the whole session: `BRIEFING_TEST_POSTGRES` (set by .ci/run),
    else a throwaway cluster started here. Missing PostgreSQL fails the tests, never skips them."""
    url = os.environ.get("BRIEFING_TEST_POSTGRES")
    if url:
        yield url
        return
    folder, url = pg_server.start()
    try:
        yield url
    finally:
        pg_server.stop(folder)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_spec(request) -> str:
    if request.param == "sqlite":
        return "sqlite"
    url = request.getfixturevalue("postgres_url")
    empty_store(url, Path("."))  # every test starts from an empty store
    return url
