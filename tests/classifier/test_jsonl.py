"""`classify_jsonl`: what `peerfeed classify` reads and writes."""

import io
import json

from classifier.jsonl import classify_jsonl

FIELDS = {"id", "topics", "topic_scores", "distress", "distress_score", "needs_review", "reasons", "model_version"}


def run(model, lines, **kw):
    out = io.StringIO()
    errors = classify_jsonl(lines, out, model, **kw)
    return [json.loads(x) for x in out.getvalue().splitlines()], errors


def test_each_valid_line_gives_one_result_line_with_its_id(model):
    lines = [json.dumps({"id": "a1", "text": "Carers' coffee morning on Friday, all welcome."}),
             json.dumps({"id": 7, "text": "I've written my note. This is goodbye."})]
    rows, errors = run(model, lines)
    assert errors == []
    assert [r["id"] for r in rows] == ["a1", 7]
    assert all(set(r) == FIELDS for r in rows)
    assert rows[1]["distress"] == 3 and rows[1]["needs_review"] is True
    assert rows[0]["model_version"] == model.version


def test_bad_lines_are_named_by_number_and_the_good_ones_still_classified(model):
    lines = [
        json.dumps({"id": "ok", "text": "Walking group meets Saturday 11am."}),
        "{not json",
        json.dumps({"text": "no id here"}),
        json.dumps({"id": "n", "text": 42}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "ok2", "text": "Anxiety through the roof this week."}),
    ]
    rows, errors = run(model, lines)
    assert [r["id"] for r in rows] == ["ok", "ok2"]
    assert [e.split(":")[0] for e in errors] == ["line 2", "line 3", "line 4", "line 5"]
    assert "not JSON" in errors[0]
    assert "missing id" in errors[1]
    assert "text must be a string" in errors[2] and "'n'" in errors[2]
    assert "JSON object" in errors[3]


def test_batches_keep_input_order(model):
    lines = [json.dumps({"id": i, "text": f"Post number {i} about our peer group."}) for i in range(25)]
    rows, errors = run(model, lines, batch_size=10)
    assert errors == [] and [r["id"] for r in rows] == list(range(25))


def test_an_empty_text_is_classified_not_dropped(model):
    rows, errors = run(model, [json.dumps({"id": "e", "text": ""})])
    assert errors == [] and rows[0]["id"] == "e" and rows[0]["distress"] in (0, 1, 2, 3)
