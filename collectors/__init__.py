"""Collectors: fetch a source, parse its platform's shape, return `Post` records.

`fetch_source` is the one entry point the pipelines call; it never raises for a bad source but
returns a `FetchResult` whose `error_kind` says what went wrong.
"""

from collectors.base import ErrorKind, FetchResult, SourceState, fetch_source

__all__ = ["ErrorKind", "FetchResult", "SourceState", "fetch_source"]
