"""Team log: who did what, when (the model's publications included); leads also see activity."""

import streamlit as st

from dashboard import data, session
from dashboard.views import escape_markdown, when_label

viewer = session.require(session.MODERATORS)
url = session.settings().database_url

st.title("Team log")
c1, c2, c3 = st.columns(3)
people = ["everyone", "model", *data.moderators(url)]
who = c1.selectbox("Who", people, key="log_actor")
actions = ["any action", "approve", "hide", "escalate", "reopen", "assign", "unassign", "note", "correct",
           "published", "edited_upstream", "deleted_upstream"]
what = c2.selectbox("Action", actions, key="log_action")
days = c3.selectbox("Period", [1, 7, 30], format_func=lambda d: f"last {d} day{'s' if d > 1 else ''}", key="log_days")

rows = data.team_log(url, None if who == "everyone" else who, None if what == "any action" else what, days)
if not rows:
    st.info("Nothing was done in this period.")
for r in rows:
    detail = "; ".join(f"{k}: {v}" for k, v in (r["detail"] or {}).items() if v not in (None, ""))
    post = f" post {r['post_id']}" if r["post_id"] else ""
    st.markdown(f"{when_label(r['at'])} · **{escape_markdown(r['actor'])}** {escape_markdown(r['action'])}"
                f"{post}" + (f" ({escape_markdown(detail)})" if detail else ""))
st.caption("The 200 most recent entries. The model's publications are listed as \"model published\".")

if viewer.is_lead:
    st.subheader("Moderator activity")
    activity = data.activity(url, days)
    if activity:
        st.dataframe([{"moderator": a, "action": act, "count": n} for a, act, n in activity], hide_index=True)
    else:
        st.caption("No moderator acted in this period.")
