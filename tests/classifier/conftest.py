"""Fixtures for the classifier tests: the shipped model, loaded once."""

import pytest

from classifier import load_model


@pytest.fixture(scope="session")
def model():
    """The default model shipped in the package (never retrained by the tests)."""
    return load_model()
