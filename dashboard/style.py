"""The dashboard's few style rules, set once per run by app.py (`st.html` of a <style> block).

Why each exists: Streamlit's captions (grey at 60% opacity: about 3:1 on white) fails WCAG 2.2 AA for body
text, so captions and our meta lines use a darker grey at full opacity (8:1), and a selected option
of a segmented control (red on pink, about 3.5:1) a dark red; outbound links show their cue; the
screen-reader-only text is hidden visually but read aloud; on a phone, rows of counters stay
side by side so the first item of a page shows without scrolling.
"""

CSS = """<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, .pf-meta { color: #4a4d57 !important; opacity: 1 !important; }
[data-testid="stCaptionContainer"] code, [data-testid="stMarkdownContainer"] code { color: #2e2e33 !important; }
[data-selected="true"] [data-testid="stMarkdownContainer"], [data-selected="true"] p { color: #8f1d1d !important; }
.pf-meta { font-size: 0.875rem; margin: 0 0 0.5rem 0; }
h2.pf-title { font-size: 1.25rem; font-weight: 600; margin: 0 0 0.25rem 0; padding: 0; }
a.pf-out { text-decoration: underline; overflow-wrap: anywhere; }
.pf-cue { text-decoration: none; display: inline-block; margin-left: 0.1em; }
/* On a phone Streamlit stacks columns, so a row of counters (the review queue's five) fills the
   screen before the first item; keep counters side by side, smaller, there. */
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
    flex-direction: row !important; flex-wrap: wrap !important; gap: 0.25rem 0.75rem !important; }
  [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:has([data-testid="stMetric"]) {
    flex: 1 1 28% !important; min-width: 28% !important; width: auto !important; }
  [data-testid="stMetricValue"] { font-size: 1.5rem !important; }
}
.pf-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
         clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
</style>"""
