"""peerfeed dashboard: the entry script. Builds the page list from the signed-in person's role.

Run with `peerfeed dashboard` (`streamlit run dashboard/server.py`: this app plus the Atom files and
security headers; `streamlit run dashboard/app.py` still works, without them); settings come from PEERFEED_*.
"""

import sys
from pathlib import Path

import streamlit as st

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from dashboard import data, nav, session, style  # noqa: E402

# An emoji icon is drawn in the page (a data: URL); a ":material/…" one would be fetched from Google.
st.set_page_config(page_title="peerfeed", page_icon="💬", layout="wide")
st.html(style.CSS)  # contrast, outbound-link cue (dashboard/style.py)

settings = session.settings()
engine = data.engine(settings.database_url)
viewer = session.resolve(engine)

# Streamlit serves its default page only at "/", so a moderator's /review (an alert's link, a bookmark)
# would say "page not found": the queue is the default page everywhere except at /review itself.
at_review = (getattr(st.context, "url", None) or "").split("?")[0].rstrip("/").endswith("/review")
digest = st.Page("app_pages/digest.py", title="Digest", icon=":material/article:", url_path="digest",
                 default=at_review)
review = st.Page("app_pages/review_queue.py", title="Review queue", icon=":material/shield_person:", url_path="review",
                 default=not at_review)
themes = st.Page("app_pages/themes.py", title="Themes", icon=":material/insights:", url_path="themes")
sources = st.Page("app_pages/sources.py", title="Sources", icon=":material/rss_feed:", url_path="sources")
model = st.Page("app_pages/model.py", title="Model", icon=":material/model_training:", url_path="model")
# An alert's link (/review?post=N) reaching someone signed out opens the sign-in page there, and
# signing in goes on to that post.
alert_link = viewer is None and "post" in st.query_params
sign_in = st.Page("app_pages/sign_in.py", title="Sign in", icon=":material/login:",
                  url_path="review" if alert_link else "sign-in")
account = st.Page("app_pages/account.py", title="Account", icon=":material/person:", url_path="account")

pages: dict[str, list] = {}
if viewer is not None and viewer.can_moderate:
    pages["Moderation"] = [review, st.Page("app_pages/team_log.py", title="Team log", icon=":material/history:",
                                           url_path="team-log")]
if viewer is not None or not settings.digest_requires_sign_in:
    pages["Read"] = [digest]
if viewer is not None and viewer.is_staff:
    pages["Community"] = [themes, sources, model]
if viewer is not None and viewer.role == "admin":  # the outward channels: Bluesky feed, fediverse, email
    pages["Community"].append(st.Page("app_pages/channels.py", title="Channels", icon=":material/campaign:",
                                      url_path="channels"))
pages["You"] = [account] if viewer is not None else [sign_in]

session.hand_off_cookie()  # just signed in or out: the browser collects or clears its cookie
page = st.navigation(pages, position="hidden")  # drawn by dashboard/nav.py: accessible list markup
nav.sidebar(pages)
nav.crisis_help()
page.run()
