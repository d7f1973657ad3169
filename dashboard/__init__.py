"""The Streamlit dashboard: review queue, digest, themes and sources, read and acted on through store/."""
