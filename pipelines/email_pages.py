"""The weekly email's public pages (`peerfeed email serve`): sign up, confirm, unsubscribe.

- `GET /` (or `/subscribe`): the form. `POST /subscribe`: sends the confirmation link when one is due,
  and answers the same whatever the address's state (no one learns who is subscribed).
- `GET /confirm?token=`: a page with a button; `POST /confirm` confirms. A link alone must not
  confirm: mail scanners follow links.
- `GET /unsubscribe?token=`: a page with a button. `POST /unsubscribe?token=` unsubscribes at once:
  that is RFC 8058's one-click request (body `List-Unsubscribe=One-Click`) a mail client sends from
  the `List-Unsubscribe` header, and what the button sends.

Pages are rendered by Jinja2 with autoescape, and forbid scripts, frames and other sites' resources.
"""

from __future__ import annotations

import logging
import re
import smtplib

from jinja2 import Environment
from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from pipelines.newsletter import current_email_html, send_confirmation, templates
from store.db import transaction
from store.subscribers import BadAddress, confirm, subscribe, unsubscribe

log = logging.getLogger(__name__)

CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store"}


def email_pages_app(engine: Engine, settings: Settings, preview: bool = False):
    """The pages as an ASGI app (Starlette). With `preview` (the demo), `GET /preview` also shows the
    email due next Monday as it stands now (moderator-reviewed posts only, like the email itself)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse
    from starlette.routing import Route

    env: Environment = templates()

    def page(template: str, status: int = 200, **context) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(context), status_code=status, headers=HEADERS)

    def form(request: Request) -> HTMLResponse:
        return page("web/subscribe.html.j2", title="The peerfeed weekly email", error=None)

    async def sign_up(request: Request) -> HTMLResponse:
        address = str((await request.form()).get("email") or "")

        def store_it():
            with transaction(engine) as s:
                return subscribe(s, address)

        try:
            signup = await run_in_threadpool(store_it)
        except BadAddress as exc:
            return page("web/subscribe.html.j2", 400, title="The peerfeed weekly email", error=str(exc))
        try:
            await run_in_threadpool(send_confirmation, settings, signup)
        except (smtplib.SMTPException, OSError, RuntimeError) as exc:
            log.error("could not send a confirmation email: %s", type(exc).__name__)
            return page("web/message.html.j2", 503, title="Please try again later",
                        message="We could not send the confirmation email just now. Please try again in a while.")
        return page("web/message.html.j2", title="Check your inbox",
                    message=f"If {signup.email} can receive our email, a message with a confirmation link is on its "
                            "way. Nothing else is sent until you confirm.")

    def ask(action: str, title: str, message: str, button: str):
        def endpoint(request: Request) -> HTMLResponse:
            token = request.query_params.get("token", "")
            return page("web/button.html.j2", title=title, message=message, button=button, action=action, token=token)
        return endpoint

    async def do_confirm(request: Request) -> HTMLResponse:
        token = str((await request.form()).get("token") or request.query_params.get("token") or "")

        def confirm_it():
            with transaction(engine) as s:
                return confirm(s, token)

        email = await run_in_threadpool(confirm_it)
        if email is None:
            return page("web/message.html.j2", 400, title="That link has expired",
                        message="The confirmation link is unknown, used or more than a week old. Sign up again to get "
                                "a new one.")
        return page("web/message.html.j2", title="You are subscribed",
                    message=f"The peerfeed weekly email will be sent to {email}. Every email has a one-click "
                            "unsubscribe link.")

    async def do_unsubscribe(request: Request) -> HTMLResponse:
        token = request.query_params.get("token") or str((await request.form()).get("token") or "")

        def unsubscribe_it():
            with transaction(engine) as s:
                return unsubscribe(s, token)

        await run_in_threadpool(unsubscribe_it)
        # The same answer either way: the link may have been used already.
        return page("web/message.html.j2", title="You are unsubscribed",
                    message="You will not get the peerfeed weekly email again, and we have deleted your address.")

    routes = [
        Route("/", form), Route("/subscribe", form, methods=["GET"]), Route("/subscribe", sign_up, methods=["POST"]),
        Route("/confirm", ask("confirm", "Confirm your subscription", "Press the button to start getting the peerfeed "
                              "weekly email.", "Confirm"), methods=["GET"]),
        Route("/confirm", do_confirm, methods=["POST"]),
        Route("/unsubscribe", ask("unsubscribe", "Unsubscribe", "Press the button to stop the peerfeed weekly email "
                                  "and delete your address.", "Unsubscribe"), methods=["GET"]),
        Route("/unsubscribe", do_unsubscribe, methods=["POST"]),
    ]
    if preview:
        def show_preview(request: Request) -> HTMLResponse:
            body, count = current_email_html(engine, settings)
            if not count:  # say why it is empty, and how to fill it, above the email
                note = ('<p style="margin:0;padding:1rem;background:#fff4e5;font-family:system-ui,sans-serif">'
                        "Preview: no post has been reviewed by a moderator this week, and the email carries only "
                        "those. Approve a post in the dashboard's review queue, then reload this page.</p>")
                body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + note, body, count=1)
            return HTMLResponse(body, headers=HEADERS)

        routes.append(Route("/preview", show_preview))
    return Starlette(routes=routes)
