"""The dashboard's few style rules, set once per run by app.py (`st.html` of a <style> block).

Why each exists: Streamlit's caption grey (#808495-ish on white, 3.9:1) fails WCAG 2.2 AA for body
text, so captions and our meta lines use a darker grey (7:1); outbound links show their cue; the
screen-reader-only text is hidden visually but read aloud.
"""

CSS = """<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, .pf-meta { color: #4a4d57; }
.pf-meta { font-size: 0.875rem; margin: 0 0 0.5rem 0; }
h2.pf-title { font-size: 1.25rem; font-weight: 600; margin: 0 0 0.25rem 0; padding: 0; }
a.pf-out { text-decoration: underline; overflow-wrap: anywhere; }
.pf-cue { text-decoration: none; display: inline-block; margin-left: 0.1em; }
.pf-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
         clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
</style>"""
