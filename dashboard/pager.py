"""The page buttons under the digest and the review queue."""

from __future__ import annotations

import streamlit as st


def pager(name: str, page: int, has_next: bool, back_label: str, next_label: str) -> None:
    """Back and next buttons either side of "Page N".

    The page number lives in `st.session_state[f"{name}_page"]`; a click moves it and reruns. The
    buttons' keys are `{name}_prev` and `{name}_next`.
    """
    back, info, forward = st.columns([1, 2, 1])
    if back.button(back_label, disabled=page <= 1, key=f"{name}_prev"):
        st.session_state[f"{name}_page"] = page - 1
        st.rerun()
    info.caption(f"Page {page}")
    if forward.button(next_label, disabled=not has_next, key=f"{name}_next"):
        st.session_state[f"{name}_page"] = page + 1
        st.rerun()
