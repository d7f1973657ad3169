"""Model: which model clears posts, when it was trained, and how well it does live (staff)."""

import streamlit as st

from dashboard import data, model_status, session
from dashboard.views import when_label
from store.classification import SPOT_CHECK_EVERY

session.require(session.STAFF)
settings = session.settings()
status = data.model_status(settings.database_url, str(settings.model_path) if settings.model_path else None)

st.title("Model")
if status["version"] is None:
    st.info("No model has classified a post here yet: the first classify run names its model here.")
    st.stop()

card = status["card"]
st.subheader("In use")
lines = [f"Version **{status['version']}**, clearing posts since {when_label(status['since'])}."]
if card.get("version") == status["version"] and card.get("trained_at"):
    lines.append(f"Last trained {when_label(card['trained_at'])} (from the model file's card).")
elif card.get("version"):
    lines.append(f"Date last trained: not known here. The model file this dashboard sees is version "
                 f"{card['version']}, not the one in use (the classify step reads its own file).")
else:
    lines.append("Date last trained: not known (the model file could not be read).")
st.markdown("  \n".join(lines))

st.subheader("Live precision and recall")
pairs = status["pairs"]
st.caption("Estimated from moderators: the level they state when they correct a post, review a held one "
           "or spot-check one the model published. Precision: of the posts the model put at or above the "
           "line, the share moderators agreed were. Recall: of the posts moderators put at or above it, "
           "the share the model caught. Recall rests on the spot checks, since only they look at posts the "
           "model let through.")
if not pairs:
    st.info("No moderator has stated a level for a post this model read yet, so there is nothing to "
            "estimate from.")
else:
    st.markdown(model_status.sample_summary(pairs))
    for estimate in model_status.estimates(pairs):
        q = estimate.quality
        st.markdown(f"**{estimate.label}**  \n"
                    f"{model_status.describe(q.precision, 'Precision')}  \n"
                    f"{model_status.describe(q.recall, 'Recall')}")
st.caption(f"{status['waiting']} spot check{'s' if status['waiting'] != 1 else ''} of published posts "
           f"{'wait' if status['waiting'] != 1 else 'waits'} for a moderator "
           f"(one published post in {SPOT_CHECK_EVERY} is sampled).")
