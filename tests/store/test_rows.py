"""Rows the code knows are there, and what happens when another process removed one meanwhile."""

import pytest

from collectors.base import FetchResult
from store.db import transaction
from store.models import Source, RowGone, get_existing
from store.sources import record_fetch


def test_a_row_gone_meanwhile_is_named_not_an_attribute_error_on_none(engine):
    with transaction(engine) as s:
        with pytest.raises(RowGone, match="Source 999 is no longer in the database"):
            get_existing(s, Source, 999)
        # A source removed from the sources file while its fetch ran: the store says which.
        with pytest.raises(RowGone, match="Source 999"):
            record_fetch(s, 999, 999, FetchResult(source="gone"))
