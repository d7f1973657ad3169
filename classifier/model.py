"""The trained classifier: topics, distress level, reasons; saved and loaded with skops.

A `ClassifierModel` holds plain scikit-learn parts and numpy arrays (see `training.train`):
word and character TF-IDF vectorizers shared by both heads, a multinomial logistic regression over
the four distress levels with a small calibration layer, and one-vs-rest logistic topic scores with
Platt calibration and per-topic thresholds. The safety rules (`classifier.safety`) run after the
model and can only raise the level.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

import classifier.cascade as cascade
import classifier.readability as readability
import classifier.safety as safety
from classifier.labels import LEVEL_NAMES, TOPIC_LABELS, TOPICS
from classifier.lexicon import lexicon_features
from classifier.text import normalise_text

DEFAULT_MODEL_PATH = Path(__file__).parent / "default_model.skops"
# The model shipped before the current one, kept for side-by-side evaluation and benchmarks.
PREVIOUS_MODEL_PATH = Path(__file__).parent / "data" / "previous_model.skops"
FORMAT = 2  # 2: optional stage 2 with the sentence encoder; format-1 files still load
N_REASON_TERMS = 3
LEVEL_READING = {1: "strain (concern)", 2: "severe distress (high)", 3: "crisis"}

# Every type a peerfeed model file may contain; anything else is refused before it is loaded.
# The file holds only plain containers and numpy arrays: vectorizers are rebuilt from their terms
# and idf weights (a skops-serialised vocabulary dict is several times larger).
TRUSTED_TYPES = [
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.float", "builtins.int",
    "builtins.bool", "numpy.ndarray", "numpy.dtype", "numpy.float64", "numpy.float32", "numpy.int64",
]
VECTORIZER_PARAMS = ("analyzer", "ngram_range", "sublinear_tf", "token_pattern", "lowercase")

# Words that pass ENGLISH_STOP_WORDS but explain nothing on their own (contractions, fillers).
REASON_STOP = ENGLISH_STOP_WORDS | {
    "i'm", "im", "i've", "ive", "i'd", "i'll", "it's", "its", "that's", "there's", "what's", "let's", "don't",
    "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "haven't", "you're", "we're", "they're", "he's",
    "she's", "you've", "we've", "they've", "you'll", "we'll", "just", "really", "got", "get", "going", "bit",
}
# Short words that do mean something to a moderator.
SHORT_TERMS = {"gp", "od", "a&e", "ae", "cbt", "dbt", "cpa", "nhs", "ward", "pip", "psw"}


_HANDLE = re.compile(r"(?<![\w.])@([a-z0-9_]+)(?:@[\w.-]+)?")
_WORD = re.compile(r"[a-z0-9_]+")


def _handle_words(text: str) -> frozenset[str]:
    """Words a post uses only inside @handles ("@tom", "@jo@example.social"), not elsewhere."""
    lower = text.lower()
    handles = {m.group(1) for m in _HANDLE.finditer(lower)}
    if not handles:
        return frozenset()
    rest = set(_WORD.findall(_HANDLE.sub(" ", lower)))
    return frozenset(handles - rest)


def explains(term: str) -> bool:
    """True when a vocabulary term is worth showing as a reason: no one-letter fragment (other
    than "i" or "a" inside a phrase) and at least one content word of three letters or more."""
    tokens = term.split()
    if any(len(t) == 1 and t not in ("i", "a") for t in tokens):
        return False
    return any(t not in REASON_STOP and (len(t) >= 3 or t in SHORT_TERMS) for t in tokens)


@lru_cache(maxsize=65536)
def plain_phrase(term: str) -> str:
    """A vocabulary term as a moderator should read it: function words trimmed from its ends
    ("the office" -> "office", "at the crisis" -> "crisis"); "" when nothing meaningful is left."""
    tokens = term.split()
    while tokens and tokens[0] in REASON_STOP:
        tokens.pop(0)
    while tokens and tokens[-1] in REASON_STOP:
        tokens.pop()
    phrase = " ".join(tokens)
    return phrase if phrase and explains(phrase) else ""


def vectorizer_state(vec: TfidfVectorizer) -> dict:
    """A fitted TF-IDF vectorizer as plain data: its settings, terms (in column order) and idf."""
    params = {k: getattr(vec, k) for k in VECTORIZER_PARAMS}
    params["ngram_range"] = list(params["ngram_range"])
    return {"params": params, "terms": np.array(vec.get_feature_names_out(), dtype=str),
            "idf": np.asarray(vec.idf_, dtype=np.float64)}


def vectorizer_from_state(state: dict) -> TfidfVectorizer:
    """Rebuild the vectorizer saved by `vectorizer_state`; transforms exactly as the original."""
    params = dict(state["params"])
    params["ngram_range"] = tuple(params["ngram_range"])
    terms = [str(t) for t in state["terms"]]
    vec = TfidfVectorizer(vocabulary={t: i for i, t in enumerate(terms)}, dtype=np.float32, **params)
    vec._validate_vocabulary()
    vec.idf_ = np.asarray(state["idf"])
    return vec


class NonFiniteScoreError(ValueError):
    """The model computed NaN or infinity for a text: the text is held, never published."""


class ModelFileError(ValueError):
    """A model file that must not be used (untrusted types, non-finite parameters)."""


@dataclass(frozen=True)
class Classification:
    """What the model decided about one text, with the reasons a moderator sees."""

    topics: list[str]
    topic_scores: dict[str, float]
    distress: int
    distress_score: float  # calibrated P(level >= 2) from the model, before the safety rules
    needs_review: bool
    reasons: list[str]
    model_version: str

    @property
    def distress_name(self) -> str:
        return LEVEL_NAMES[self.distress]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ClassificationFailure:
    """Classification of one text raised: the post must be held for review with this reason."""

    error: str
    model_version: str
    needs_review: bool = field(default=True)
    distress: int | None = None  # unknown; store it as a failed classification (priority 2)

    def to_dict(self) -> dict:
        return asdict(self)


class Head:
    """One stage's linear heads: distress (with calibration, thresholds, clearance) and topics.

    Stage 1 reads the TF-IDF columns; stage 2 (when the model has an encoder) reads the same
    columns followed by the sentence embedding. Reasons use the word columns, which both share."""

    def __init__(self, parts: dict, n_word: int, shown: np.ndarray):
        self.distress_w = np.asarray(parts["distress_coef"], dtype=np.float64)
        self.distress_b = np.asarray(parts["distress_intercept"], dtype=np.float64)
        self.calib_w = np.asarray(parts["distress_calibration"]["coef"])
        self.calib_b = np.asarray(parts["distress_calibration"]["intercept"])
        self.thresholds = parts["thresholds"]
        self.topic_w = np.asarray(parts["topic_coef"], dtype=np.float64)
        self.topic_b = np.asarray(parts["topic_intercept"], dtype=np.float64)
        self.topic_platt = np.asarray(parts["topic_platt"], dtype=np.float64)
        self.topic_thr = np.asarray(parts["topic_thresholds"], dtype=np.float64)
        # Automatic publication needs a margin: level 0 *and* P(level>=1) below this. Model files
        # from before it existed get t1, which is exactly their old behaviour.
        self.clearance = float(parts.get("clearance", {}).get("p_concern_max", self.thresholds["t1"]))
        # Per-level weights used for reasons, word columns only, unexplaining terms zeroed.
        w = self.distress_w[:, :n_word] * shown
        self.level_reason_w = [w[0] - w[1:].mean(axis=0)] + [w[k] - w[0] for k in (1, 2, 3)]
        self.topic_reason_w = self.topic_w[:, :n_word] * shown

    def level_probabilities(self, X) -> np.ndarray:
        z = np.asarray(X @ self.distress_w.T) + self.distress_b
        z -= z.max(axis=1, keepdims=True)
        raw = z - np.log(np.exp(z).sum(axis=1, keepdims=True))  # log-softmax, as LogisticRegression
        z = np.maximum(raw, np.log(1e-9)) @ self.calib_w.T + self.calib_b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def levels(self, P: np.ndarray) -> np.ndarray:
        t = self.thresholds
        ge1, ge2, ge3 = 1.0 - P[:, 0], P[:, 2] + P[:, 3], P[:, 3]
        return np.where(ge3 >= t["t3"], 3, np.where(ge2 >= t["t2"], 2, np.where(ge1 >= t["t1"], 1, 0)))

    def topic_probabilities(self, X) -> np.ndarray:
        s = np.asarray(X @ self.topic_w.T) + self.topic_b
        return 1.0 / (1.0 + np.exp(-(s * self.topic_platt[:, 0] + self.topic_platt[:, 1])))


@dataclass
class Scores:
    """Per-text numbers from the stage that decided each text (see `ClassifierModel.score`)."""

    P: np.ndarray  # calibrated level probabilities, rows sum to 1
    T: np.ndarray  # topic probabilities
    model_levels: np.ndarray  # level from the probabilities alone, before the rules
    topics: np.ndarray  # bool, topic chosen
    stage: np.ndarray  # 1 or 2
    crisis_unconfirmed: np.ndarray  # bool: one stage read crisis, the other did not (kept at 2)
    X: csr_matrix  # the TF-IDF features (stage-1 columns), for reasons


class ClassifierModel:
    """A loaded model. Build it with `training.train` or `load_model`; call `classify` in batches."""

    def __init__(self, parts: dict):
        if parts.get("format") not in (1, FORMAT):
            raise ValueError(f"unsupported model format {parts.get('format')!r} (expected 1 or {FORMAT})")
        self.parts = parts
        self.version: str = parts["version"]
        self.card: dict = parts["card"]
        self._word = vectorizer_from_state(parts["word"])
        self._char = vectorizer_from_state(parts["char"])
        self._lexicon_scale = float(parts.get("lexicon_scale", 0.0))
        self._word_terms = np.array(self._word.get_feature_names_out(), dtype=object)
        self._n_word = len(self._word_terms)
        # Function words ("i", "at the") and fragments ("m", "i m") explain nothing to a moderator.
        shown = np.array([explains(t) for t in self._word_terms])
        self.stage1 = Head(parts, self._n_word, shown)
        self.stage2 = Head(parts["dense"], self._n_word, shown) if "dense" in parts else None
        self._dense_scale = float(parts["dense"]["scale"]) if "dense" in parts else 0.0
        self._gate = float(parts.get("cascade", {}).get("p_concern_gate", 0.0))
        # The encoder variant stage 2 was trained with (files before the int8-dynamic variant
        # recorded the weights-only one); it is run with that one only (`classifier.encoder`).
        self.encoder_name: str = str(parts.get("encoder", {}).get("name", "all-MiniLM-L6-v2-onnx-int8"))
        self._known_words = frozenset(t for t in self._word_terms if " " not in t)
        self._thresholds = self.stage1.thresholds
        self._topic_thr = self.stage1.topic_thr

    @property
    def clearance(self) -> float:
        """P(level>=1) below which a level-0 post is published (of the stage that decides most posts)."""
        return (self.stage2 or self.stage1).clearance

    @property
    def uses_encoder(self) -> bool:
        return self.stage2 is not None

    # --- the numeric heads ------------------------------------------------------------------
    def features(self, texts: list[str]) -> csr_matrix:
        """The shared TF-IDF feature matrix: word columns first, then character n-grams, then the
        word-list shares of `classifier.lexicon` (when the model was trained with them).
        Texts pass through `normalise_text` first, exactly as in training."""
        return self._features_of_normalised([normalise_text(t) for t in texts])

    def _features_of_normalised(self, texts: list[str]) -> csr_matrix:
        blocks = [self._word.transform(texts), self._char.transform(texts)]
        if self._lexicon_scale:
            blocks.append(lexicon_features(texts, self._lexicon_scale))
        return hstack(blocks, format="csr")

    def level_probabilities(self, X: csr_matrix) -> np.ndarray:
        """Stage 1's calibrated probabilities over levels 0-3 from TF-IDF features (rows sum to 1)."""
        return self.stage1.level_probabilities(X)

    def levels_from_probabilities(self, P: np.ndarray) -> np.ndarray:
        """Recall-first decision of stage 1: the highest level whose cumulative probability passes its threshold."""
        return self.stage1.levels(P)

    def topic_probabilities(self, X: csr_matrix) -> np.ndarray:
        """Stage 1's Platt-calibrated probability of each topic (columns in `TOPICS` order)."""
        return self.stage1.topic_probabilities(X)

    def score(self, texts: list[str], *, normalised: bool = False, skip_encoder: np.ndarray | None = None,
              plain: np.ndarray | None = None) -> Scores:
        """The numbers behind `classify`, from the stage that decides each text (the cascade).

        Stage 1 (TF-IDF) scores every text. A text goes on to stage 2 (TF-IDF + sentence encoder)
        unless stage 1 is sure it is ordinary (P(level>=1) below the gate chosen in training),
        `skip_encoder` says so (unreadable text, or a crisis the rules already found), or `plain`
        says the text is short with no distress cue (`classifier.cascade`) *and* stage 1 would
        publish it on its own (P(level>=1) below stage 1's clearance, P(level>=2) below its t2)."""
        norm = list(texts) if normalised else [normalise_text(t) for t in texts]
        X = self._features_of_normalised(norm)
        P = self.stage1.level_probabilities(X)
        T = self.stage1.topic_probabilities(X)
        levels = self.stage1.levels(P)
        topics = T >= self.stage1.topic_thr
        stage = np.ones(len(norm), dtype=np.int8)
        unconfirmed = np.zeros(len(norm), dtype=bool)
        if self.stage2 is not None and len(norm):
            send = (1.0 - P[:, 0]) >= self._gate
            if plain is not None:
                send &= ~(plain & ((1.0 - P[:, 0]) < self.stage1.clearance)
                          & ((P[:, 2] + P[:, 3]) < self.stage1.thresholds["t2"]))
            if skip_encoder is not None:
                send &= ~skip_encoder
            idx = np.flatnonzero(send)
            if idx.size:
                from classifier.encoder import get_encoder

                E = get_encoder(self.encoder_name).encode([norm[i] for i in idx])
                X2 = hstack([X[idx], csr_matrix(E * self._dense_scale)], format="csr")
                P1_crisis = P[idx, 3].copy()
                P[idx] = self.stage2.level_probabilities(X2)
                T[idx] = self.stage2.topic_probabilities(X2)
                levels[idx] = self.stage2.levels(P[idx])
                topics[idx] = T[idx] >= self.stage2.topic_thr
                stage[idx] = 2
                # A crisis from the model alone pages a moderator, so both stages must read it.
                # One stage alone saying 3 (an ordinary "down for maintenance tonight" notice did,
                # at P(3) 0.71 against stage 1's 0.21) stays at 2: held at high priority, no page.
                # The safety rules still raise any post to 3 on their own evidence.
                alone = (levels[idx] == 3) & (P1_crisis < self.stage1.thresholds["t3"])
                levels[idx[alone]] = 2
                unconfirmed[idx[alone]] = True
        return Scores(P=P, T=T, model_levels=levels, topics=topics, stage=stage, crisis_unconfirmed=unconfirmed, X=X)

    def _cascade(self, normalised: list[str], hits: list, unreadable: list) -> Scores:
        # The encoder reads English only, and a crisis the rules found is held at 3 whatever it says.
        skip = np.array([u is not None or safety.floor_level(h) == 3 for u, h in zip(unreadable, hits)])
        plain = np.array([cascade.may_skip_encoder(t, h, u) for t, h, u in zip(normalised, hits, unreadable)])
        return self.score(normalised, normalised=True, skip_encoder=skip, plain=plain)

    def scores_as_classified(self, texts: list[str]) -> Scores:
        """The model's numbers for each text exactly as `classify` gets them (same cascade)."""
        normalised = [normalise_text(t) for t in texts]
        hits = [safety.assess(t, normalised=True) for t in normalised]
        unreadable = [readability.why_unreadable(t, self._known_words) for t in normalised]
        return self._cascade(normalised, hits, unreadable)

    def stages_used(self, texts: list[str]) -> np.ndarray:
        """Which stage (1 or 2) decides each text in `classify`."""
        return self.scores_as_classified(texts).stage

    # --- reasons ------------------------------------------------------------------------------
    def _top_terms(self, idx: np.ndarray, vals: np.ndarray, weights: np.ndarray, n: int = N_REASON_TERMS,
                   handles: frozenset[str] = frozenset()) -> list[str]:
        """The word terms of one row that pushed hardest toward a decision (`weights` per word column).

        A term with a word the post uses only as an @handle ("@tom") is never shown: a name is no
        reason, and a moderator would read it as one."""
        if idx.size == 0:
            return []
        contrib = vals * weights[idx]
        shown: list[str] = []
        for i in np.argsort(-contrib)[: 4 * n]:
            if contrib[i] <= 0 or len(shown) == n:
                break
            term = str(self._word_terms[idx[i]])
            if handles and not handles.isdisjoint(term.split()):
                continue
            phrase = plain_phrase(term)
            # "the office" and "office" say one thing: show it once, in its shortest plain form.
            if phrase and not any(set(phrase.split()) <= set(p.split()) or set(p.split()) <= set(phrase.split())
                                  for p in shown):
                shown.append(phrase)
        return [f"'{p}'" for p in shown]

    def _reasons(self, head: Head, idx, vals, level: int, model_level: int, topics: list[int], hits,
                 handles: frozenset[str] = frozenset()) -> list[str]:
        reasons = [h.reason() for h in hits[:3]]
        if model_level > 0 or level == 0:
            terms = self._top_terms(idx, vals, head.level_reason_w[model_level], handles=handles)
            if model_level > 0:
                reasons.append(f"the model reads {LEVEL_READING[model_level]} in the post"
                               + (f"; words that weigh most: {', '.join(terms)}" if terms else ""))
            elif terms:
                reasons.append(f"the model reads no distress; words that weigh most: {', '.join(terms)}")
        for k in topics:
            terms = self._top_terms(idx, vals, head.topic_reason_w[k], n=2, handles=handles)
            reasons.append(f"about {TOPIC_LABELS[TOPICS[k]]}" + (f" ({', '.join(terms)})" if terms else ""))
        return reasons

    # --- public API ---------------------------------------------------------------------------
    def classify(self, texts: list[str]) -> list[Classification]:
        """Classify a batch of texts. Raises on bad input; see `classify_safely` for the pipeline."""
        if isinstance(texts, str):
            raise TypeError("classify takes a list of texts, not one string")
        texts = list(texts)
        if not texts:
            return []
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise TypeError(f"text {i} is {type(t).__name__}, not str")
        normalised = [normalise_text(t) for t in texts]  # once, for the vectorizers and the rules
        hits = [safety.assess(t, normalised=True) for t in normalised]
        unreadable = [readability.why_unreadable(t, self._known_words) for t in normalised]
        sc = self._cascade(normalised, hits, unreadable)
        P, T, X = sc.P, sc.T, sc.X
        bad = ~(np.isfinite(P).all(axis=1) & np.isfinite(T).all(axis=1))
        if bad.any():
            # NaN compares False with every threshold, so it would read as level 0 and be published.
            raise NonFiniteScoreError(f"the model gave non-finite probabilities for {int(bad.sum())} of "
                                      f"{len(texts)} texts (model {self.version}): held for review")
        out = []
        for i in range(len(normalised)):
            head = self.stage2 if sc.stage[i] == 2 and self.stage2 is not None else self.stage1
            level = safety.apply_floor(int(sc.model_levels[i]), hits[i])
            p_concern = float(1.0 - P[i, 0])
            near_line = level == 0 and p_concern >= head.clearance
            topic_idx = [int(k) for k in np.flatnonzero(sc.topics[i])]
            lo, hi = X.indptr[i], X.indptr[i + 1]
            idx, vals = X.indices[lo:hi], X.data[lo:hi]
            word = idx < self._n_word  # character n-grams mean little to a moderator
            u = unreadable[i]
            out.append(Classification(
                topics=[TOPICS[k] for k in topic_idx],
                topic_scores={name: round(float(T[i, k]), 4) for k, name in enumerate(TOPICS)},
                distress=level,
                distress_score=round(float(P[i, 2] + P[i, 3]), 4),
                needs_review=level >= 1 or u is not None or near_line,
                reasons=([u.reason] if u else [])
                + (["close to the line: the model is not sure enough that this is an ordinary post "
                    f"(chance of distress {p_concern:.0%}) to publish it without a person"] if near_line and not u else [])
                + (["part of the model reads crisis but the rest does not, and no words of intent, plan, means or "
                    "farewell were found: held at high priority, without paging"]
                   if sc.crisis_unconfirmed[i] and level < 3 else [])
                + self._reasons(head, idx[word], vals[word], level, int(sc.model_levels[i]), topic_idx, hits[i],
                                handles=_handle_words(normalised[i])),
                model_version=self.version,
            ))
        return out

    def classify_safely(self, texts: list[str]) -> list[Classification | ClassificationFailure]:
        """Like `classify`, but a text that makes the model raise becomes a `ClassificationFailure`.

        The batch is tried whole first; if it raises, each text is tried alone so one bad post
        cannot cost the others their result. A failure is always `needs_review=True`: the store
        holds the post for a moderator with the error as its reason, never publishes it.
        """
        texts = list(texts)
        try:
            return list(self.classify(texts))
        except Exception:  # noqa: BLE001 - fall back to one at a time to isolate the bad text
            pass
        results: list[Classification | ClassificationFailure] = []
        for t in texts:
            try:
                results.append(self.classify([t])[0])
            except Exception as exc:  # noqa: BLE001 - any failure is held for review, not lost
                results.append(ClassificationFailure(error=f"{type(exc).__name__}: {exc}", model_version=self.version))
        return results

    def save(self, path: Path) -> Path:
        """Write the model as a skops file (never pickle)."""
        from skops.io import dump

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        dump(self.parts, path, compression=8)  # zipfile.ZIP_DEFLATED
        return path


def model_file_types(path: Path) -> set[str]:
    """Every type named in a skops file's schema (read as JSON; nothing is constructed)."""
    import json
    import zipfile

    found: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            if "__class__" in node and "__module__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    with zipfile.ZipFile(path) as zf:
        walk(json.loads(zf.read("schema.json")))
    return found


def load_model(path: Path | None = None) -> ClassifierModel:
    """Load a skops model file; None loads the default model shipped in the package.

    Refuses a file that names any type outside `TRUSTED_TYPES`. skops alone would also accept
    any scikit-learn estimator; a peerfeed model needs none, so the list is stricter.
    """
    from skops.io import load

    path = Path(path) if path is not None else DEFAULT_MODEL_PATH
    if not path.is_file():
        raise FileNotFoundError(f"no model file at {path}")
    untrusted = sorted(model_file_types(path) - set(TRUSTED_TYPES))
    if untrusted:
        raise ModelFileError(f"model file {path} contains untrusted types: {untrusted}")
    parts = load(path, trusted=TRUSTED_TYPES)
    broken = non_finite_parts(parts)
    if broken:
        raise ModelFileError(f"model file {path} has non-finite (NaN or infinite) parameters in "
                             f"{', '.join(broken)}: refusing to load it; retrain or restore the previous model")
    return ClassifierModel(parts)


def non_finite_parts(parts: dict, prefix: str = "") -> list[str]:
    """Names of the numeric parts that hold NaN or infinity (a corrupt or badly trained file)."""
    found = []
    for key, value in parts.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            found += non_finite_parts(value, f"{name}.")
        elif isinstance(value, np.ndarray) and value.dtype.kind == "f" and not np.isfinite(value).all():
            found.append(name)
        elif isinstance(value, float) and not np.isfinite(value):
            found.append(name)
    return found
