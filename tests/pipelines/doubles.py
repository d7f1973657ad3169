"""Test doubles for the classifier, used ONLY where the classifier itself is not under test.

The pipelines' tests check orchestration, alerting, digests and themes; they need a model whose
answers they can predict. `KeywordModel` has the classifier's interface (`classify(texts)` returning
results with topics, topic_scores, distress, distress_score, needs_review, reasons, model_version,
and `.version`) and decides by fixed phrases. The real classifier has its own tests on `classifier`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Phrases chosen for these tests, not a model of risk: the real classifier reads meaning.
LEVEL_PHRASES = {3: "goodbye everyone", 2: "can't go on", 1: "struggling"}
TOPIC_WORDS = {"carers": "carer", "peer_support": "peer", "care_planning": "care plan", "events": "workshop"}


@dataclass
class KeywordResult:
    topics: list[str]
    topic_scores: dict[str, float]
    distress: int
    distress_score: float
    needs_review: bool
    reasons: list[str] = field(default_factory=list)
    model_version: str = "keyword-test-1"


class KeywordModel:
    """Deterministic stand-in: a level by phrase, topics by word. `fail_on` raises for that text."""

    version = "keyword-test-1"

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.calls = 0

    def classify(self, texts: list[str]) -> list[KeywordResult]:
        self.calls += 1
        out = []
        for text in texts:
            low = text.lower()
            if self.fail_on and self.fail_on in low:
                raise RuntimeError("keyword model cannot read this text")
            level = next((lvl for lvl, phrase in LEVEL_PHRASES.items() if phrase in low), 0)
            topics = [t for t, w in TOPIC_WORDS.items() if w in low]
            out.append(KeywordResult(topics=topics, topic_scores={t: 0.9 for t in topics}, distress=level,
                                     distress_score=0.95 if level else 0.05, needs_review=level > 0,
                                     reasons=[f"phrase for level {level}"] if level else [],
                                     model_version=self.version))
        return out


class SavableKeywordModel(KeywordModel):
    """A trained candidate: saving writes its version to the file, as a model file stands in."""

    version = "keyword-test-2"

    def save(self, path):
        path.write_text(self.version)
        return path


def make_keyword_model() -> KeywordModel:
    """Factory named by flows' `model_factory` parameter in tests ("tests.pipelines.doubles:make_keyword_model")."""
    return KeywordModel()


class FakeTraining:
    """Stands in for `classifier.training` in the retrain tests (the classifier's own tests cover it)."""

    def __init__(self, promote: bool) -> None:
        self.promote = promote
        self.trained_with: list = []

    def train(self, extra_examples):
        self.trained_with = list(extra_examples)
        return SavableKeywordModel()

    def promote_if_not_worse(self, candidate, current) -> bool:
        return self.promote


@dataclass(frozen=True)
class FakeExample:
    text: str
    distress: int
    topics: list[str] | None = None

    def __post_init__(self):
        if self.topics and "unknown_topic" in self.topics:
            raise ValueError("unknown topics: ['unknown_topic']")  # as classifier.labels.Example does


FakeTraining.Example = FakeExample
