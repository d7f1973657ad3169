"""The review desk's pieces: the focused card, the one-line list, the bulk bar with its
confirmation, the Resolved view, the keyboard shortcuts. The page (app_pages/review_queue.py) wires
them to the moderation commands it passes in.

Post text is shown only through `post_markdown` / `escape_markdown` (inert Markdown); the one piece
of JavaScript (`keyboard`) is a constant apart from a counter, and never holds post text.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.views import (LEVEL_NAMES, TOPIC_LABELS, escape_markdown, level_label, link, post_markdown,
                             topic_label, waiting_label, when_label)
from dashboard.moderation import DID

SHORTCUTS = (("j", "next post"), ("k", "previous post"), ("a", "approve the post in focus"),
             ("h", "hide it"), ("e", "escalate it to a lead (type the reason first)"), ("?", "show or hide this help"))
SHORTCUTS_HELP = ("**Keyboard shortcuts** (not while typing in a box): "
                  + " · ".join(f"**{k}** {what}" for k, what in SHORTCUTS)
                  + ". Tab moves through the buttons as usual; after an action the next post takes the place.")
BULK_WORDS = {"approve": ("Approve", "They will be published in the digest now."),
              "hide": ("Hide", "They will be kept out of every channel."),
              "escalate": ("Escalate", "They will wait for a lead moderator.")}


def excerpt(text: str, n: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def banner(r: dict) -> None:
    """The card's urgency, with its one waiting time (from when it entered review)."""
    waited = f"waiting {waiting_label(r['entered_review'])}"
    escalated = r["state"] == "escalated"
    if escalated:
        st.info(f"**Escalated** by {escape_markdown(r['decided_by'] or '?')} · {waited}", icon=":material/arrow_upward:")
    tail = "" if escalated else f" · {waited}"  # one "waiting" per card
    if r["level"] == 3:
        st.error(f"**CRISIS**{tail}", icon=":material/emergency:")
    elif r["level"] == 2:
        st.warning(f"**High distress**{tail}", icon=":material/warning:")
    elif not escalated:
        st.caption(waited.capitalize())


def card(r: dict, actor: str, moderators: list[str], on_decide, on_assign, on_note, on_correct, on_focus,
         ids: list[int], audit: list[dict]) -> None:
    """The post in focus, in full, with every action."""
    item_id, version = r["item_id"], r["version"]
    banner(r)
    heading = r["title"] or f"Post by {r['author'] or 'unknown author'}"
    st.markdown(f"### {escape_markdown(heading)}")
    st.caption(
        f"{link(r['author'] or 'unknown author', r['author_url'])} · {escape_markdown(r['platform'])} · "
        f"{escape_markdown(r['source'] or 'no source')} · published {when_label(r['published_at'])} · "
        f"in review since {when_label(r['entered_review'])} · {link('original', r['url'])}")
    if r["content_warning"]:
        st.markdown(f"**Content warning:** {escape_markdown(r['content_warning'])}")
    st.markdown(post_markdown(r["text"]))
    left, right = st.columns([3, 2])
    left.markdown(
        f"**Level** {level_label(r['level'])}"
        + (f" · **score** {r['score']:.2f}" if r["score"] is not None else "")
        + f"  \n**Topics** {escape_markdown(', '.join(topic_label(t) for t in r['topics']) or 'none')}"
        + f"  \n**Why** {escape_markdown('; '.join(r['reasons']) or r['reason'] or 'no reason recorded')}")
    right.markdown(f"**Assigned to** {escape_markdown(r['assignee'] or 'nobody')}")

    st.text_input("Reason for escalating (for the lead moderator)", key=f"reason-{item_id}",
                  placeholder="e.g. mentions a plan; needs a call from the crisis team")
    b = st.columns(3)
    # For high and crisis posts the first thing to reach for is a person, not publishing.
    risky = (r["level"] or 0) >= 2 and r["state"] != "escalated"
    b[0].button("Approve (a)", key=f"approve-{item_id}", type="secondary" if risky else "primary",
                on_click=on_decide, args=("approve", item_id, version), width="stretch")
    b[1].button("Hide (h)", key=f"hide-{item_id}", on_click=on_decide, args=("hide", item_id, version), width="stretch")
    b[2].button("Escalate (e)", key=f"escalate-{item_id}", type="primary" if risky else "secondary",
                on_click=on_decide, args=("escalate", item_id, version), width="stretch",
                disabled=r["state"] == "escalated")

    a = st.columns([2, 1, 1])
    others = [m for m in moderators if m != r["assignee"]]
    a[0].selectbox("Assign to", others, index=others.index(actor) if actor in others else None,
                   key=f"assignee-{item_id}", placeholder="choose a moderator")
    a[1].button("Assign", key=f"assign-to-{item_id}", width="stretch",
                on_click=lambda: on_assign(item_id, version, st.session_state.get(f"assignee-{item_id}")))
    a[2].button("Unassign", key=f"unassign-{item_id}", width="stretch", disabled=r["assignee"] is None,
                on_click=on_assign, args=(item_id, version, None))
    st.button("Assign to me", key=f"assign-{item_id}", on_click=on_assign, args=(item_id, version, actor),
              disabled=r["assignee"] == actor)

    author_context(r, ids, on_focus)
    if r["context"]:
        with st.expander(f"Thread around this post ({len(r['context'])})"):
            for p in r["context"]:
                st.markdown(f"**{escape_markdown(p['author'] or 'unknown')}** "
                            f"({when_label(p['published_at'])}): {post_markdown(p['text'], 400)}")
    notes(r)
    with st.form(f"note-form-{item_id}", border=False):
        st.text_area("Add a note for other moderators (notes are kept, never replaced)", key=f"note-{item_id}",
                     height=68)
        st.form_submit_button("Save note", on_click=on_note, args=(item_id, version))
    if audit:
        with st.expander(f"History ({len(audit)})"):
            for h in audit:
                detail = "; ".join(f"{k}: {v}" for k, v in (h["detail"] or {}).items() if v not in (None, ""))
                st.markdown(f"{when_label(h['at'])} · **{escape_markdown(h['actor'])}** {escape_markdown(h['action'])}"
                            + (f" ({escape_markdown(detail)})" if detail else ""))
    with st.expander("Correct the level or topics"):
        with st.form(f"correct-form-{item_id}", border=False):
            st.selectbox("Level", [0, 1, 2, 3], index=r["level"] if r["level"] is not None else 1,
                         format_func=level_label, key=f"level-{item_id}")
            st.multiselect("Topics", list(TOPIC_LABELS), default=[t for t in r["topics"] if t in TOPIC_LABELS],
                           format_func=topic_label, key=f"topics-{item_id}")
            st.form_submit_button("Save correction", on_click=on_correct,
                                  args=(item_id, version, r["level"], r["topics"]))


def author_context(r: dict, ids: list[int], on_focus) -> None:
    """The same author's other posts and what was decided about them; open ones link to their card."""
    posts = r["author_posts"]
    if not posts:
        st.caption("No other posts from this author are stored.")
        return
    waiting = [p for p in posts if p["open"]]
    label = f"Same author: {len(posts)} other post{'s' if len(posts) != 1 else ''}"
    if waiting:
        label += f", {len(waiting)} also waiting for review"
    with st.expander(label, expanded=bool(waiting)):
        for p in posts:
            if p["state"] is None:
                where = "not reviewed"
            elif p["open"]:
                where = f"waiting ({p['state']}, {LEVEL_NAMES.get(p['level'], 'level unknown')})"
            else:
                where = f"{p['state']} by {p['decided_by'] or 'unknown'}"
            line, button = st.columns([5, 1])
            line.markdown(f"{when_label(p['published_at'])} · **{escape_markdown(where)}** · "
                          f"{post_markdown(excerpt(p['text'], 160))}")
            if p["open"] and p["item_id"] in ids:
                button.button("Open card", key=f"link-{r['item_id']}-{p['item_id']}", on_click=on_focus,
                              args=(p["item_id"],))
            elif p["open"]:
                button.caption("not in this view")


def notes(r: dict) -> None:
    if not r["notes"]:
        return
    st.markdown(f"**Notes ({len(r['notes'])})**")
    for n in r["notes"]:
        what = "" if n["action"] == "note" else f" (with {escape_markdown(n['action'])})"
        st.markdown(f"- {when_label(n['at'])} · **{escape_markdown(n['actor'])}**{what}: {escape_markdown(n['note'])}")


def compact_list(rows: list[dict], focus_id: int, on_focus) -> list[dict]:
    """Every post in the view on one line: a selection box and a button that brings it into focus.
    Returns the selected rows."""
    chosen = []
    for r in rows:
        pick, line = st.columns([1, 12], vertical_alignment="center")
        if pick.checkbox(f"Select post {r['item_id']}", key=f"sel-{r['item_id']}", label_visibility="collapsed"):
            chosen.append(r)
        mark = "▶ " if r["item_id"] == focus_id else ""
        level = "escalated" if r["state"] == "escalated" else LEVEL_NAMES.get(r["level"], "?")
        label = (f"{mark}{level.upper()} · {r['author'] or 'unknown author'} · waiting "
                 f"{waiting_label(r['entered_review'])} · {excerpt(r['text'])}")
        line.button(escape_markdown(label), key=f"focus-{r['item_id']}", on_click=on_focus, args=(r["item_id"],),
                    type="tertiary")
    return chosen


def bulk_bar(rows: list[dict], chosen: list[dict], on_confirm) -> None:
    """Bulk approve, hide or escalate of the selected posts, always behind a confirmation."""
    state = st.session_state
    if not chosen:
        st.caption("Select posts with their boxes to approve, hide or escalate them together.")
        return
    with st.container(border=True, key="desk-bulk"):
        pending = state.get("bulk_pending")
        if pending is None:
            cols = st.columns([2, 3, 2], vertical_alignment="bottom")
            action = cols[0].selectbox("With the selected posts", list(BULK_WORDS),
                                       format_func=lambda a: BULK_WORDS[a][0], key="bulk_action")
            cols[1].text_input("Reason or note (optional)", key="bulk_reason")
            high = [r for r in chosen if (r["level"] is None or r["level"] > 1)]
            refused = action == "approve" and high
            cols[2].button(f"{BULK_WORDS[action][0]} {len(chosen)} selected…", key="bulk_start", disabled=bool(refused),
                           on_click=lambda: state.update(bulk_pending=(action, [(r["item_id"], r["version"]) for r in chosen])))
            if refused:
                st.caption("Only level-1 posts can be approved together; open the others one by one.")
            return
        action, items = pending
        verb, consequence = BULK_WORDS[action]
        st.warning(f"**{verb} {len(items)} posts?** {consequence} You can undo this straight after.")
        shown = {r["item_id"]: r for r in rows}
        for item_id, _ in items:
            r = shown.get(item_id)
            if r:
                st.markdown(f"- {escape_markdown(r['author'] or 'unknown author')}: {post_markdown(excerpt(r['text'], 120))}")
        ok, cancel = st.columns(2)
        ok.button(f"Yes, {verb.lower()} {len(items)} posts", key="bulk_confirm", type="primary",
                  on_click=on_confirm, args=(action, items), width="stretch")
        cancel.button("Cancel", key="bulk_cancel", on_click=lambda: state.pop("bulk_pending", None), width="stretch")


def gone_message(where: dict | None, post_id: int) -> str:
    """What to say when an alert's post is not waiting any more: only what the store says."""
    if where is None:
        return f"There is no post {post_id} in the store (it may have been removed). The queue is below."
    if where["deleted"]:
        return f"Post {post_id} was deleted by its author, so it is no longer shown for review."
    if where["state"] is None:
        return f"Post {post_id} has not been held for review."
    last = where["last"]
    if last and last["action"] in DID:
        return (f"Post {post_id} is no longer waiting: {last['actor']} {DID[last['action']]} it "
                f"{when_label(last['at'])} (it is now {where['state']}). You can reverse that under Resolved.")
    by = where["decided_by"] or "someone"
    return f"Post {post_id} is no longer waiting: it is {where['state']} (decided by {by}). See Resolved."


def resolved(url: str, on_reopen, on_decide) -> None:
    """Decided posts, newest first; any decision can be reversed (back to the queue, audited)."""
    c1, c2 = st.columns([1, 2])
    which = c1.selectbox("Show", ["all decisions", "approved", "hidden"], key="resolved_state")
    text = c2.text_input("Text, author or title contains", key="resolved_text")
    rows = data.resolved(url, None if which == "all decisions" else which, text)
    if not rows:
        st.info("No decided posts match.")
        return
    st.caption("Reversing a decision takes the post out of every channel at once and puts it back in the queue; "
               "to publish it again, someone approves it again.")
    for r in rows:
        with st.container(border=True, key=f"resolved-{r['item_id']}"):
            who = r["decided_by"] or "unknown"
            st.markdown(f"**{escape_markdown(r['state'].capitalize())}** by **{escape_markdown(who)}** "
                        f"{when_label(r['decided_at']) if r['decided_at'] else ''} · level {level_label(r['level'])} · "
                        f"{escape_markdown(r['author'] or 'unknown author')}")
            st.markdown(post_markdown(excerpt(r["text"], 300)))
            notes(r)
            cols = st.columns([3, 1, 1], vertical_alignment="bottom")
            cols[0].text_input("Why reverse it? (kept in the history)", key=f"reopen-note-{r['item_id']}")
            cols[1].button("Reverse: back to the queue", key=f"reopen-{r['item_id']}", on_click=on_reopen,
                           args=(r["item_id"], r["version"]), width="stretch")
            if r["state"] != "hidden":  # published: it can be taken down at once
                cols[2].button("Hide now", key=f"hide-{r['item_id']}", on_click=on_decide,
                               args=("hide", r["item_id"], r["version"]), width="stretch")


KEYS_SCRIPT = """<script>
(function () {
  var KEYS = {j: "desk-next", k: "desk-prev", "?": "desk-help"};
  var ACTS = {a: "approve-", h: "hide-", e: "escalate-"};
  function button(key) {
    var card = document.querySelector(".st-key-desk-focus-card");
    if (ACTS[key]) {
      return card && card.querySelector("[class*='st-key-" + ACTS[key] + "'] button");
    }
    return document.querySelector(".st-key-" + KEYS[key] + " button");
  }
  if (!window.__peerfeedDeskKeys) {
    window.__peerfeedDeskKeys = true;
    document.addEventListener("keydown", function (ev) {
      var t = ev.target, tag = t && t.tagName ? t.tagName.toLowerCase() : "";
      if (ev.ctrlKey || ev.metaKey || ev.altKey || tag === "input" || tag === "textarea" || tag === "select" ||
          (t && t.isContentEditable)) { return; }
      if (!(ev.key in KEYS) && !(ev.key in ACTS)) { return; }
      var b = button(ev.key);
      if (b && !b.disabled) { ev.preventDefault(); b.click(); }
    });
  }
  // Keep the keyboard where the moderator works: on the card in focus, unless they are typing.
  var tries = 0;
  (function settle() {
    var card = document.querySelector(".st-key-desk-focus-card");
    var active = document.activeElement;
    if (active && active !== document.body) { return; }  // the moderator is somewhere on purpose
    if (card) { card.setAttribute("tabindex", "-1"); card.focus({preventScroll: false}); return; }
    if (tries++ < 40) { setTimeout(settle, 50); }
  })();
})();
</script><!-- run RUN -->"""


def keyboard(focus_id: int) -> None:
    """Install the shortcuts (once per browser tab) and put the keyboard on the card in focus.

    The script is a constant; only the integer counter below changes, so it runs again after each
    rerun. No post text ever enters it.
    """
    run = st.session_state.get("desk_keys_run", 0) + 1
    st.session_state["desk_keys_run"] = run
    st.html(KEYS_SCRIPT.replace("RUN", f"{int(run)}-{int(focus_id)}"), unsafe_allow_javascript=True)
