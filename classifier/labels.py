"""The labels of ../shared/taxonomy.md and the training example record."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

TOPICS: tuple[str, ...] = (
    "peer_support",
    "care_planning",
    "coproduction",
    "carers",
    "services_access",
    "recovery_wellbeing",
    "employment",
    "treatment",
    "digital",
    "events",
    "stigma_rights",
)

# What a moderator reads for each topic.
TOPIC_LABELS: dict[str, str] = {
    "peer_support": "peer support", "care_planning": "care planning", "coproduction": "co-production",
    "carers": "carers", "services_access": "access to services", "recovery_wellbeing": "recovery and wellbeing",
    "employment": "work", "treatment": "treatment and medication", "digital": "digital and online",
    "events": "an event", "stigma_rights": "stigma and rights",
}

# The "typical words" column of ../shared/taxonomy.md, verbatim. The topic heads get one extra
# feature per topic, the weight of these words in a post (`training._keyword_columns`), folded into
# the heads' word coefficients after training, so the model file and inference do not change.
TOPIC_TYPICAL_WORDS: dict[str, tuple[str, ...]] = {
    "peer_support": ("peer worker", "lived experience", "PSW", "support group"),
    "care_planning": ("care plan", "CPA", "care coordinator", "discharge", "review"),
    "coproduction": ("co-production", "involvement", "equal partners", "service user voice"),
    "carers": ("carer", "my son", "my mum", "family", "nearest relative"),
    "services_access": ("waiting list", "cuts", "referral", "day centre", "crisis team"),
    "recovery_wellbeing": ("recovery", "wellbeing", "coping", "relapse", "sleep"),
    "employment": ("job", "return to work", "volunteer", "recruiting", "shift"),
    "treatment": ("meds", "antipsychotic", "clozapine", "therapy", "side effects"),
    "digital": ("app", "online", "social media", "Twitter", "website"),
    "events": ("workshop", "meeting", "webinar", "drop-in", "Tuesday 7pm"),
    "stigma_rights": ("stigma", "discrimination", "rights", "Mental Health Act", "benefits"),
}

# Short keys used in the hand-written corpus pieces.
TOPIC_KEYS: dict[str, str] = {
    "peer": "peer_support",
    "plan": "care_planning",
    "copro": "coproduction",
    "carers": "carers",
    "access": "services_access",
    "recovery": "recovery_wellbeing",
    "work": "employment",
    "treat": "treatment",
    "digital": "digital",
    "events": "events",
    "rights": "stigma_rights",
}


class DistressLevel(IntEnum):
    NONE = 0
    CONCERN = 1
    HIGH = 2
    CRISIS = 3


LEVEL_NAMES = {0: "none", 1: "concern", 2: "high", 3: "crisis"}


@dataclass(frozen=True)
class Example:
    """One labelled text for training: a distress level and, when known, its topics.

    `topics=None` means "topics not labelled" (e.g. a public data set or a moderator who corrected
    only the level); such examples train the distress model only.
    """

    text: str
    distress: int
    topics: list[str] | None = None
    source: str = "extra"
    weight: float = 1.0
    group: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Example.text must be a string")
        if self.distress not in (0, 1, 2, 3):
            raise ValueError(f"distress must be 0-3, got {self.distress!r}")
        if self.topics is not None:
            unknown = set(self.topics) - set(TOPICS)
            if unknown:
                raise ValueError(f"unknown topics: {sorted(unknown)}")
