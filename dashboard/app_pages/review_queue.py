"""Review queue: a shift's desk. One post in focus, the rest one line each; keys j/k/a/h/e/?.

Views: the queue (filtered and sorted), Escalated (for lead moderators), Resolved (any decision
reversed). Every action goes through dashboard.moderation, and so through store.review.
"""

from datetime import timedelta

import streamlit as st

from dashboard import data, desk_view, moderation, session
from dashboard.pager import pager
from dashboard.views import CRISIS_RESOURCES, LEVEL_NAMES, REPLY_TEMPLATES, escape_markdown, link, waiting_label
from store.desk import SORTS, QueueFilter

viewer = session.require(session.MODERATORS)
settings = session.settings()
url = settings.database_url
engine = data.engine(url)
actor = viewer.username
state = st.session_state


def act(fn, *args, **kw) -> None:
    """Run one moderation command (in a widget callback) and leave a message for the next run."""
    try:
        state["queue_flash"] = ("success", fn(engine, *args, **kw))
    except (moderation.Conflict, moderation.NotAllowed, ValueError) as exc:
        state["queue_flash"] = ("error", str(exc))
    finally:
        data.after_review_action()


def on_decide(action: str, item_id: int, version: int) -> None:
    reason = state.get(f"reason-{item_id}", "") if action == "escalate" else None
    act(moderation.decide, action, item_id, version, actor, reason=reason)


def on_assign(item_id: int, version: int, assignee: str | None) -> None:
    act(moderation.assign_to, item_id, version, actor, assignee)


def on_note(item_id: int, version: int) -> None:
    act(moderation.add_note, item_id, version, actor, state.get(f"note-{item_id}", ""))


def on_correct(item_id: int, version: int, old_level, old_topics) -> None:
    level = state.get(f"level-{item_id}")
    topics = state.get(f"topics-{item_id}", [])
    act(moderation.correct, item_id, version, actor,
        None if level == old_level else level, None if sorted(topics) == sorted(old_topics) else topics)


def on_reopen(item_id: int, version: int) -> None:
    act(moderation.reopen, item_id, version, actor, state.get(f"reopen-note-{item_id}", ""))


def on_bulk_confirm(action: str, chosen: list) -> None:
    try:
        message, undo = moderation.bulk(engine, action, chosen, actor, reason=state.get("bulk_reason", ""))
        state["queue_flash"] = ("success", message)
        state["desk_undo"] = (message, undo)
        for item_id, _ in chosen:
            state.pop(f"sel-{item_id}", None)
    except (moderation.Conflict, moderation.NotAllowed, ValueError) as exc:
        state["queue_flash"] = ("error", str(exc))
    finally:
        state.pop("bulk_pending", None)
        data.after_review_action()


def on_undo() -> None:
    _, undo = state.pop("desk_undo", (None, []))
    act(moderation.undo, undo, actor)


def show_whole_queue() -> None:
    st.query_params.pop("post", None)


def move_focus(step: int, ids: list[int]) -> None:
    if ids:
        here = ids.index(state["desk_focus"]) if state.get("desk_focus") in ids else 0
        state["desk_focus"] = ids[max(0, min(len(ids) - 1, here + step))]


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
flash = state.pop("queue_flash", None)
if flash:
    (st.success if flash[0] == "success" else st.error)(flash[1])
if state.get("desk_undo"):
    message, undo = state["desk_undo"]
    u1, u2 = st.columns([4, 1])
    u1.caption(f"Last bulk action: {escape_markdown(message)}")
    u2.button("Undo", key="desk_undo_button", on_click=on_undo, width="stretch")

@st.fragment(run_every=30)
def shift_counts() -> None:
    """The shift's figures, read again every 30 s so others' work shows without a reload."""
    counts = data.shift_counts(url, actor)
    c = st.columns(4)
    c[0].metric("Waiting", counts["waiting"])
    c[1].metric("Escalated", counts["escalated"])
    c[2].metric("Assigned to you", counts["assigned_to_me"])
    c[3].metric("Oldest wait", waiting_label(counts["oldest_since"]) if counts["oldest_since"] else "none")
    failing = data.failing_alerts(url)
    if failing:  # the alert did not reach the team: the post is still owed a person, so say so here
        shown = ", ".join(f"[post {a['post_id']}](/review?post={int(a['post_id'])}) by {a['channel']} "
                          f"({a['attempts']} failed {'try' if a['attempts'] == 1 else 'tries'})" for a in failing[:5])
        more = f" and {len(failing) - 5} more" if len(failing) > 5 else ""
        st.error(f"**{len(failing)} alert{'s' if len(failing) != 1 else ''} could not be sent** and "
                 f"{'is' if len(failing) == 1 else 'are'} being retried: {shown}{more}. Open each post here; "
                 "an admin should check the alert settings (`peerfeed status` lists the failures).")


shift_counts()

views = ["Queue", "Escalated", "Resolved"]
view = st.segmented_control("View", views, default="Queue", key="desk_view", label_visibility="collapsed") or "Queue"

# Alerts link here as ?post=<id>: show that post alone until the moderator clears it.
wanted = st.query_params.get("post")
focus_post = int(wanted) if wanted and wanted.isdigit() else None

if view == "Resolved":
    desk_view.resolved(url, on_reopen, on_decide)
    st.stop()

with st.expander("Filters and sorting"):
    f1, f2, f3 = st.columns(3)
    levels = f1.multiselect("Level", [3, 2, 1, 0, None], format_func=lambda v: LEVEL_NAMES[v], key="f_levels")
    platforms = f2.multiselect("Platform", data.platforms(url), key="f_platforms")
    sources = f3.multiselect("Source", [s["name"] for s in data.sources(url)], key="f_sources")
    f4, f5, f6 = st.columns(3)
    waits = {"any": None, "15 min": 15, "1 h": 60, "4 h": 240, "1 day": 1440}
    min_wait = f4.selectbox("Waiting at least", list(waits), key="f_wait")
    sort = f5.selectbox("Order", list(SORTS), format_func=lambda key: SORTS[key], key="f_sort")
    mine = f6.toggle("Only items assigned to me", key="queue_mine")
    text = st.text_input("Text, author or title contains", key="f_text")

states = ("escalated",) if view == "Escalated" else ("pending", "escalated")
if view == "Escalated":
    st.caption("Escalated posts wait here for a lead moderator. Nothing escalated reaches readers.")
wait = waits[min_wait]
filt = QueueFilter(levels=tuple(levels), platforms=tuple(platforms), sources=tuple(sources), states=states,
                   min_wait=timedelta(minutes=wait) if wait else None, text=text,
                   assignee=actor if mine else None, post_id=focus_post, sort=sort or "risk")
# A new filter starts again at page 1.
if state.get("desk_filter") != filt:
    state["desk_filter"], state["queue_page"] = filt, 1
page = state.setdefault("queue_page", 1)
result = data.desk_queue(url, filt, page)
rows = result["rows"]

if focus_post is not None:
    st.info(f"Showing the post an alert pointed to (post {focus_post}).")
    st.button("Show the whole queue", key="clear_focus", on_click=show_whole_queue)
    if not rows:
        st.warning(desk_view.gone_message(data.item_for_post(url, focus_post), focus_post))

if not rows and page > 1:
    state["queue_page"] = page - 1  # the last post of the last page was dealt with
    st.rerun()
if not rows:
    if focus_post is None:
        st.success("Nothing is waiting for review here. Thank you." if not any((levels, platforms, sources, text, mine))
                   else "Nothing matches these filters.")
    st.stop()

ids = [r["item_id"] for r in rows]
# Focus stays in place: after an action the post leaves the list and the next one takes its place.
if state.get("desk_focus") not in ids:
    at = min(state.get("desk_focus_index", 0), len(ids) - 1)
    state["desk_focus"] = ids[at]
state["desk_focus_index"] = ids.index(state["desk_focus"])
focused = dict(rows[state["desk_focus_index"]], author_posts=data.author_posts(url, rows[state["desk_focus_index"]]["post_id"]))

nav = st.columns([1, 1, 1, 3])
nav[0].button("Previous (k)", key="desk-prev", on_click=move_focus, args=(-1, ids), width="stretch",
              disabled=state["desk_focus_index"] == 0)
nav[1].button("Next (j)", key="desk-next", on_click=move_focus, args=(1, ids), width="stretch",
              disabled=state["desk_focus_index"] == len(ids) - 1)
nav[2].button("Shortcuts (?)", key="desk-help", width="stretch",
              on_click=lambda: state.update(desk_help=not state.get("desk_help")))
nav[3].caption(f"Post {state['desk_focus_index'] + 1} of {len(ids)} on this page")
if state.get("desk_help"):
    st.info(desk_view.SHORTCUTS_HELP)

with st.container(border=True, key="desk-focus-card"):
    desk_view.card(focused, actor, data.moderators(url), on_decide, on_assign, on_note, on_correct,
                   lambda item_id: state.update(desk_focus=item_id), ids, audit=data.audit_trail(url, focused["item_id"]))

st.subheader("In this view", divider="gray")
chosen = desk_view.compact_list(rows, state["desk_focus"], lambda item_id: state.update(desk_focus=item_id))
desk_view.bulk_bar(rows, chosen, on_bulk_confirm)
pager("queue", page, result["has_next"], "← Previous", "Next →")
desk_view.keyboard(focused["item_id"])
