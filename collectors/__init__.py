"""Collectors: fetch a source, parse its platform's shape, return `Post` records.

The contract (what a collector returns and how it fails) is `collectors.base`; which functions do
that for each platform (fetch, re-check stored posts, stream) is `collectors.registry`, the one
entry point the pipelines use. Importing this package imports neither, so a module that only needs
the contract does not pay for Mastodon.py and the atproto SDK.
"""
