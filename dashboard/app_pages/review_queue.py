"""Review queue: the riskiest post first, every action one click, crisis help at hand."""

import streamlit as st

from dashboard import data, moderation, session
from dashboard.pager import pager
from dashboard.views import (CRISIS_RESOURCES, REPLY_TEMPLATES, TOPIC_LABELS, escape_markdown, level_label,
                             link, post_markdown, topic_label, waiting_label, when_label)

PER_PAGE = 20

viewer = session.require(session.MODERATORS)
settings = session.settings()
url = settings.database_url
engine = data.engine(url)


def act(fn, *args) -> None:
    """Run one moderation command (in a widget callback) and leave a message for the next run."""
    try:
        st.session_state["queue_flash"] = ("success", fn(engine, *args))
    except (moderation.Conflict, moderation.NotAllowed) as exc:
        st.session_state["queue_flash"] = ("error", str(exc))
    except ValueError as exc:
        st.session_state["queue_flash"] = ("error", str(exc))
    finally:
        data.after_review_action()


def on_decide(action: str, item_id: int, version: int, actor: str) -> None:
    act(moderation.decide, action, item_id, version, actor)


def on_assign(item_id: int, version: int, actor: str) -> None:
    act(moderation.assign_to_me, item_id, version, actor)


def on_note(item_id: int, version: int, actor: str) -> None:
    act(moderation.add_note, item_id, version, actor, st.session_state.get(f"note-{item_id}", ""))


def on_correct(item_id: int, version: int, actor: str, old_level, old_topics) -> None:
    level = st.session_state.get(f"level-{item_id}")
    topics = st.session_state.get(f"topics-{item_id}", [])
    act(moderation.correct, item_id, version, actor,
        None if level == old_level else level, None if sorted(topics) == sorted(old_topics) else topics)


def on_bulk(versions: dict, actor: str) -> None:
    chosen = st.session_state.get("bulk_items", [])
    act(moderation.bulk_approve, [(i, versions[i]) for i in chosen], actor)
    st.session_state["bulk_items"] = []


with st.sidebar:
    st.subheader("If someone is in crisis")
    for name, how, site in CRISIS_RESOURCES:
        st.markdown(f"**{link(name, site)}**: {escape_markdown(how)}")
    st.subheader("Reply templates")
    st.caption("Safe-messaging wording: warm, direct, no detail of methods, always a route to help.")
    for title, text in REPLY_TEMPLATES.items():
        with st.expander(title):
            st.code(text, language=None, wrap_lines=True)

st.title("Review queue")
flash = st.session_state.pop("queue_flash", None)
if flash:
    (st.success if flash[0] == "success" else st.error)(flash[1])

counts = data.queue_counts(url)
c = st.columns(5)
for col, (key, label) in zip(c, [("3", "Crisis"), ("2", "High"), ("failed", "Unread by model"),
                                 ("1", "Concern"), ("0", "None")]):
    col.metric(label, counts.get(key, 0))

mine = st.toggle("Only items assigned to me", key="queue_mine",
                 on_change=lambda: st.session_state.update(queue_page=1))
page = st.session_state.setdefault("queue_page", 1)
# Alerts link here as ?post=<id>: show that post's item alone until the moderator clears it.
focus = st.query_params.get("post")
focus_id = int(focus) if focus and focus.isdigit() else None
if focus_id is not None:
    st.info(f"Showing the post an alert pointed to (post {focus_id}).")
    st.button("Show the whole queue", key="clear_focus", on_click=lambda: st.query_params.pop("post", None))
result = data.queue_page(url, page, PER_PAGE, viewer.username if mine else None, focus_id)
rows = result["rows"]
if focus_id is not None and not rows:
    st.warning("That post is no longer waiting for review: someone has already dealt with it.")

if not rows:
    st.success("Nothing is waiting for review. Thank you.")

level_one = {r["item_id"]: r["version"] for r in rows if r["level"] == 1 and r["state"] == "pending"}
if level_one:
    with st.expander(f"Bulk approve level-1 posts on this page ({len(level_one)})"):
        labels = {r["item_id"]: f"#{r['item_id']} {r['author']}: {r['text'][:60]}" for r in rows}
        st.multiselect("Level-1 posts to approve", list(level_one), format_func=labels.get, key="bulk_items")
        st.button("Approve selected", key="bulk_approve", on_click=on_bulk, args=(level_one, viewer.username))

for r in rows:
    item_id, version, actor = r["item_id"], r["version"], viewer.username
    with st.container(border=True):
        waited = waiting_label(r["queued_at"])
        if r["state"] == "escalated":
            st.info(f"**Escalated** by {escape_markdown(r['decided_by'] or '?')} · waiting {waited}", icon=":material/arrow_upward:")
        if r["level"] == 3:
            st.error(f"**CRISIS** · waiting {waited}", icon=":material/emergency:")
        elif r["level"] == 2:
            st.warning(f"**High distress** · waiting {waited}", icon=":material/warning:")
        elif r["state"] != "escalated":
            st.caption(f"Waiting {waited}")
        heading = r["title"] or f"Post by {r['author'] or 'unknown author'}"
        st.markdown(f"#### {escape_markdown(heading)}")
        st.caption(
            f"{link(r['author'] or 'unknown author', r['author_url'])} · {escape_markdown(r['platform'])} · "
            f"{escape_markdown(r['source'] or 'no source')} · {when_label(r['published_at'])} · "
            f"{link('original', r['url'])}")
        if r["content_warning"]:
            st.markdown(f"**Content warning:** {escape_markdown(r['content_warning'])}")
        st.markdown(post_markdown(r["text"]))
        left, right = st.columns([3, 2])
        left.markdown(
            f"**Level** {level_label(r['level'])}"
            + (f" · **score** {r['score']:.2f}" if r["score"] is not None else "")
            + f"  \n**Topics** {escape_markdown(', '.join(topic_label(t) for t in r['topics']) or 'none')}"
            + f"  \n**Why** {escape_markdown('; '.join(r['reasons']) or r['reason'] or 'no reason recorded')}")
        right.markdown(
            f"**Assigned to** {escape_markdown(r['assignee'] or 'nobody')}"
            + (f"  \n**Note** {escape_markdown(r['note'])}" if r["note"] else ""))
        if r["context"]:
            with st.expander(f"Thread context ({len(r['context'])})"):
                for p in r["context"]:
                    st.markdown(f"**{escape_markdown(p['author'] or 'unknown')}** "
                                f"({when_label(p['published_at'])}): {post_markdown(p['text'], 400)}")
        b = st.columns(4)
        # For high and crisis posts the first thing to reach for is a person, not publishing.
        risky = (r["level"] or 0) >= 2 and r["state"] != "escalated"
        b[0].button("Approve", key=f"approve-{item_id}", type="secondary" if risky else "primary", on_click=on_decide,
                    args=("approve", item_id, version, actor), width="stretch")
        b[1].button("Hide", key=f"hide-{item_id}", on_click=on_decide,
                    args=("hide", item_id, version, actor), width="stretch")
        b[2].button("Escalate", key=f"escalate-{item_id}", type="primary" if risky else "secondary", on_click=on_decide,
                    args=("escalate", item_id, version, actor), width="stretch",
                    disabled=r["state"] == "escalated")
        b[3].button("Assign to me", key=f"assign-{item_id}", on_click=on_assign,
                    args=(item_id, version, actor), width="stretch",
                    disabled=r["assignee"] == actor)
        history = data.audit_trail(url, item_id)
        if history:
            with st.expander(f"History ({len(history)})"):
                for h in history:
                    detail = "; ".join(f"{k}: {v}" for k, v in (h["detail"] or {}).items() if v not in (None, ""))
                    st.markdown(f"{when_label(h['at'])} · **{escape_markdown(h['actor'])}** {escape_markdown(h['action'])}"
                                + (f" ({escape_markdown(detail)})" if detail else ""))
        with st.expander("Correct the level or topics, or add a note"):
            with st.form(f"correct-form-{item_id}", border=False):
                st.selectbox("Level", [0, 1, 2, 3], index=r["level"] if r["level"] is not None else 1,
                             format_func=level_label, key=f"level-{item_id}")
                st.multiselect("Topics", list(TOPIC_LABELS), default=[t for t in r["topics"] if t in TOPIC_LABELS],
                               format_func=topic_label, key=f"topics-{item_id}")
                st.form_submit_button("Save correction", on_click=on_correct,
                                      args=(item_id, version, actor, r["level"], r["topics"]))
            with st.form(f"note-form-{item_id}", border=False):
                st.text_area("Note for other moderators", key=f"note-{item_id}", height=68)
                st.form_submit_button("Save note", on_click=on_note, args=(item_id, version, actor))

pager("queue", page, result["has_next"], "← Previous", "Next →")
