"""Measure a model: the held-out community split, and the public test splits.

`evaluate(model)` returns an `EvaluationReport` whose `.render()` is what `peerfeed model evaluate`
prints: per-class precision/recall/F1, the confusion matrix, level>=2 recall and the issue-13 goal
measures on the frozen evaluation split (never trained or tuned on) and on the held-out corpus
split (the fixed set used for promotion), side by side with the previous model when given, then
the public test splits.

Public figures come in two kinds (docs/model.md explains why):
- "shipped model": the trained default model, its levels mapped to each set's labels;
- "recipe": our features (TF-IDF plus the word-list shares of `classifier.lexicon`) and classifier
  trained on that set's own train split, settings chosen by 5-fold cross-validation on train only:
  the like-for-like comparison with the TF-IDF+LR baselines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, cross_val_predict

import classifier.public_data as public_data
from classifier.corpus import load_corpus
from classifier.labels import TOPICS
from classifier.lexicon import lexicon_features
from classifier.model import ClassifierModel

BASELINES = {"dreaddit": 0.749, "sdcnl": 0.739, "cssrs": 0.30}


@dataclass
class Section:
    title: str
    lines: list[str]


@dataclass
class EvaluationReport:
    """Figures and their rendering. `metrics` holds the headline numbers for the model card."""

    model_version: str
    metrics: dict = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)

    def render(self) -> str:
        out = [f"model {self.model_version}"]
        for s in self.sections:
            out += ["", f"== {s.title}", *s.lines]
        return "\n".join(out) + "\n"


def per_class_table(y_true, y_pred, labels, names=None) -> list[str]:
    """Precision/recall/F1/support per class, then the macro average."""
    p, r, f, n = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    names = names or [str(x) for x in labels]
    lines = [f"{'class':<20}{'prec':>7}{'recall':>8}{'f1':>7}{'n':>6}"]
    lines += [f"{nm:<20}{p[i]:>7.3f}{r[i]:>8.3f}{f[i]:>7.3f}{n[i]:>6d}" for i, nm in enumerate(names)]
    lines.append(f"{'macro':<20}{p.mean():>7.3f}{r.mean():>8.3f}{f.mean():>7.3f}{n.sum():>6d}")
    return lines


def confusion_lines(y_true, y_pred, labels, names=None) -> list[str]:
    m = confusion_matrix(y_true, y_pred, labels=labels)
    names = [str(x)[:10] for x in (names or labels)]
    lines = ["true \\ pred " + "".join(f"{n:>11}" for n in names)]
    lines += [f"{names[i]:<12}" + "".join(f"{v:>11d}" for v in row) for i, row in enumerate(m)]
    return lines


def level2_recall(model: ClassifierModel, texts: list[str], levels: list[int]) -> float:
    """Share of level>=2 texts the model puts at level>=2 (the promotion criterion)."""
    y = np.array(levels)
    pred = np.array([c.distress for c in model.classify(texts)])
    pos = y >= 2
    return float((pred[pos] >= 2).mean()) if pos.any() else 1.0


@dataclass
class SplitFigures:
    """One model's decisions on one corpus split, and the headline figures the issue tracks."""

    y: np.ndarray
    pred: np.ndarray
    held: np.ndarray
    model_only: np.ndarray
    kinds: np.ndarray
    Yt: np.ndarray
    Pt: np.ndarray
    stage2_share: float

    def goals(self) -> dict[str, str]:
        """The measures of issue 13, as "k/n" strings (English-only rows where the issue says so)."""
        y, pred, held, kinds = self.y, self.pred, self.held, self.kinds
        english = kinds != "other_language"
        hn = kinds == "hard_negative"
        plain0 = (y == 0) & english & ~hn
        frac = lambda a, b: f"{int(a)}/{int(b)}"  # noqa: E731
        micro = f1_score(self.Yt[english], self.Pt[english], average="micro", zero_division=0)
        prec2 = float((y[pred >= 2] >= 2).mean()) if (pred >= 2).any() else 0.0
        return {
            "level 2-3 posts held": frac(held[y >= 2].sum(), (y >= 2).sum()),
            "level 2-3 posts rated 2 or more": frac((pred[y >= 2] >= 2).sum(), (y >= 2).sum()),
            "crisis posts rated 3": frac((pred[y == 3] == 3).sum(), (y == 3).sum()),
            "level-1 posts held": frac(held[y == 1].sum(), (y == 1).sum()),
            "hard negatives rated 2 or more": frac((pred[hn] >= 2).sum(), hn.sum()),
            "plain level-0 posts in English held": frac(held[plain0].sum(), plain0.sum()),
            "level 2 or more: precision": f"{prec2:.3f}",
            "topic micro-F1 (English posts)": f"{micro:.3f}",
            "distress macro-F1": f"{f1_score(y, pred, average='macro'):.3f}",
            "posts through the encoder (stage 2)": f"{self.stage2_share:.0%}",
        }


def split_figures(model: ClassifierModel, split: str) -> SplitFigures:
    """Classify one corpus split with `model` (through `classify`, as the CLI does)."""
    rows = load_corpus(split)
    texts = [e.text for e in rows]
    results = model.classify(texts)
    sc = model.scores_as_classified(texts)
    return SplitFigures(
        y=np.array([e.distress for e in rows]), pred=np.array([c.distress for c in results]),
        held=np.array([c.needs_review for c in results]), model_only=sc.model_levels,
        kinds=np.array([e.source.split(":")[-1] for e in rows]),
        Yt=np.array([[t in (e.topics or ()) for t in TOPICS] for e in rows]),
        Pt=np.array([[t in c.topics for t in TOPICS] for c in results]),
        stage2_share=float((sc.stage == 2).mean()))


def _split_section(model: ClassifierModel, split: str, title: str, report: EvaluationReport,
                   previous: ClassifierModel | None) -> tuple[dict, dict | None]:
    """Sections for one split; returns the goal measures of this model and of `previous`."""
    f = split_figures(model, split)
    y, pred, model_only, kinds = f.y, f.pred, f.model_only, f.kinds
    pos = y >= 2
    rec2 = float((pred[pos] >= 2).mean())
    rec2_model = float((model_only[pos] >= 2).mean())
    prec2 = float((y[pred >= 2] >= 2).mean()) if (pred >= 2).any() else 0.0
    hn = kinds == "hard_negative"
    ev = (kinds == "everyday") & (y == 0)  # chit-chat, admin questions, thanks: no moderator needed
    lines = per_class_table(y, pred, [0, 1, 2, 3], ["0 none", "1 concern", "2 high", "3 crisis"])
    lines += ["", *confusion_lines(y, pred, [0, 1, 2, 3], ["0", "1", "2", "3"]), ""]
    lines += [
        f"level>=2 recall {rec2:.3f} ({int((pred[pos] >= 2).sum())}/{int(pos.sum())}); model alone {rec2_model:.3f}; "
        f"level>=2 precision {prec2:.3f}",
        f"level 3 recall {float((pred[y == 3] == 3).mean()):.3f}; model alone {float((model_only[y == 3] == 3).mean()):.3f}",
        f"hard negatives ({int(hn.sum())}): at level>=2 {int((pred[hn] >= 2).sum())}, at level 3 {int((pred[hn] == 3).sum())}",
        f"everyday posts ({int(ev.sum())}): at level>=1 {int((pred[ev] >= 1).sum())}, at level>=2 {int((pred[ev] >= 2).sum())}",
        f"distress macro-F1 {f1_score(y, pred, average='macro'):.3f}",
    ]
    n_pieces = len({e.group for e in load_corpus(split)})
    report.sections.append(Section(f"{title} ({len(y)} posts, {n_pieces} pieces)", lines))

    p, r, f1, n = precision_recall_fscore_support(f.Yt, f.Pt, zero_division=0)
    tl = [f"{'topic':<20}{'prec':>7}{'recall':>8}{'f1':>7}{'n':>6}"]
    tl += [f"{t:<20}{p[i]:>7.3f}{r[i]:>8.3f}{f1[i]:>7.3f}{n[i]:>6d}" for i, t in enumerate(TOPICS)]
    micro = f1_score(f.Yt, f.Pt, average="micro", zero_division=0)
    tl.append(f"topics macro-F1 {f1.mean():.3f}, micro-F1 {micro:.3f}")
    report.sections.append(Section(f"{title}: topics", tl))

    goals = f.goals()
    old = None
    if previous is not None:
        old = split_figures(previous, split).goals()
        width = max(len(k) for k in goals) + 2
        cl = [f"{'measure':<{width}}{previous.version:>28}{model.version:>28}"]
        cl += [f"{k:<{width}}{old[k]:>28}{goals[k]:>28}" for k in goals]
        report.sections.append(Section(f"{title}: previous model vs this one", cl))
    prefix = split
    report.metrics.update({f"{prefix}_level2_recall": round(rec2, 4), f"{prefix}_level2_recall_model_only": round(rec2_model, 4),
                           f"{prefix}_level2_precision": round(prec2, 4),
                           f"{prefix}_distress_macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
                           f"{prefix}_topics_macro_f1": round(float(f1.mean()), 4),
                           f"{prefix}_topics_micro_f1": round(float(micro), 4),
                           f"{prefix}_hard_negatives_at_3": int((pred[hn] == 3).sum()),
                           f"{prefix}_hard_negatives_at_2_or_more": int((pred[hn] >= 2).sum()),
                           f"{prefix}_everyday_at_2_or_more": int((pred[ev] >= 2).sum())})
    return goals, old


GOALS = {"level 2-3 posts held": "all", "crisis posts rated 3": ">= 90%", "level-1 posts held": ">= 90%",
         "hard negatives rated 2 or more": "<= 1 in 14", "plain level-0 posts in English held": "<= 1 in 10",
         "topic micro-F1 (English posts)": ">= 0.75"}


def _summary(rows: list[tuple[str, str, str, str]], previous: ClassifierModel | None, model: ClassifierModel) -> Section:
    """One table: the frozen split, the held-out split and the public sets, previous beside this."""
    width = max(len(r[0]) for r in rows) + 2
    prev = previous.version if previous is not None else "previous: none"
    lines = [f"{'measure':<{width}}{prev:>28}{model.version:>28}{'goal / baseline':>18}"]
    lines += [f"{m:<{width}}{a:>28}{b:>28}{g:>18}" for m, a, b, g in rows]
    return Section("summary: previous model beside this one (frozen split, held-out split, public test sets)", lines)


def _shipped_on_public(model: ClassifierModel, root: Path, have: list[str], report: EvaluationReport | None) -> dict:
    """The model's levels mapped onto each public test set; a section in `report` when given."""
    lines, scores = [], {}
    for name in ("dreaddit", "sdcnl", "cssrs"):
        if name not in have:
            continue
        split = public_data.LOADERS[name](root, "test")
        P = model.score(split.texts).P
        if name == "dreaddit":  # stress <-> level >= 1, at a neutral 0.5 on the calibrated probability
            pred = (1 - P[:, 0] >= 0.5).astype(int)
        elif name == "sdcnl":  # suicide <-> level >= 2 among people who are struggling
            pred = ((P[:, 2] + P[:, 3]) / np.clip(1 - P[:, 0], 1e-9, None) >= 0.5).astype(int)
        else:  # C-SSRS: argmax level; level 3 named "Behavior" (the model has no Attempt class)
            names = np.array(["Supportive", "Indicator", "Ideation", "Behavior"])
            pred = names[P.argmax(axis=1)]
        score = f1_score(split.labels, pred, average="macro")
        lines.append(f"{name:<9} macro-F1 {score:.3f}  (baseline {BASELINES[name]:.3f}, {len(split.texts)} test texts)")
        scores[name] = float(score)
        if report is not None:
            report.metrics[f"{name}_shipped_macro_f1"] = round(float(score), 4)
    if report is not None:
        report.sections.append(Section("shipped model on the public test splits (levels mapped; see docs/model.md)", lines))
    return scores


RECIPE_GRID = [(scale, C) for scale in (3.0, 10.0) for C in (1.0, 4.0)]
# Five-class C-SSRS fits on long user histories converge slowly at C=4 (minutes each): C=1 only.
RECIPE_GRID_MULTICLASS = [(3.0, 1.0), (10.0, 1.0)]


def recipe_score(name: str, root: Path) -> tuple[float, str, list[str]]:
    """Our recipe trained on `name`'s train split, scored on its test split.

    Features: word 1-2-gram and char_wb 2-5-gram TF-IDF plus the `classifier.lexicon` word-list
    shares; balanced logistic regression. The lexicon weight and C are chosen by 5-fold
    cross-validation on the train split only (and, for a binary set, the decision threshold on the
    same out-of-fold predictions); the test split is used once, at the end.
    Returns (test macro-F1, the chosen settings, table lines).
    """
    from scipy.sparse import hstack

    tr = public_data.LOADERS[name](root, "train")
    te = public_data.LOADERS[name](root, "test")
    word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    text_tr = hstack([word.fit_transform(tr.texts), char.fit_transform(tr.texts)], format="csr")
    text_te = hstack([word.transform(te.texts), char.transform(te.texts)], format="csr")
    lex_tr, lex_te = lexicon_features(tr.texts), lexicon_features(te.texts)
    y = np.array(tr.labels)
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    best = (-1.0, 0.0, 1.0, 0.5)
    grid = RECIPE_GRID if len(np.unique(y)) == 2 else RECIPE_GRID_MULTICLASS
    for scale, C in grid:
        Xtr = hstack([text_tr, lex_tr * scale], format="csr")
        clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
        oof = cross_val_predict(clf, Xtr, y, cv=cv, method="predict_proba")
        classes = np.unique(y)
        if len(classes) == 2:  # binary: tune the decision threshold out of fold as well
            for t in np.linspace(0.3, 0.7, 41):
                s = f1_score(y, (oof[:, 1] >= t).astype(int), average="macro")
                if s > best[0]:
                    best = (s, scale, C, float(t))
        else:
            s = f1_score(y, classes[oof.argmax(axis=1)], average="macro")
            if s > best[0]:
                best = (s, scale, C, 0.5)
    cv_f1, scale, C, t = best
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    clf.fit(hstack([text_tr, lex_tr * scale], format="csr"), y)
    Xte = hstack([text_te, lex_te * scale], format="csr")
    pred = (clf.predict_proba(Xte)[:, 1] >= t).astype(int) if len(clf.classes_) == 2 else clf.predict(Xte)
    labels = list(public_data.CSSRS_CLASSES) if name == "cssrs" else [0, 1]
    table = per_class_table(te.labels, pred, labels) + ["", *confusion_lines(te.labels, pred, labels)]
    chosen = f"lexicon x{scale:g}, C={C:g}" + (f", threshold {t:.2f}" if len(clf.classes_) == 2 else "")
    chosen += f"; 5-fold CV macro-F1 on train {cv_f1:.3f}"
    return float(f1_score(te.labels, pred, average="macro")), chosen, table


LEARNING_CURVE = Path(__file__).resolve().parents[1] / "docs" / "figures" / "learning_curve.tsv"


def _learning_curve_section(path: Path = LEARNING_CURVE) -> Section:
    """The last learning-curve run, as saved (it takes about 30 minutes, so it is not re-run here)."""
    if not path.is_file():
        return Section("learning curve", [f"not run yet: .venv/bin/python -m classifier.learning_curve --out {path}"])
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    widths = [max(len(r[i]) for r in rows if i < len(r)) + 2 for i in range(len(rows[0]))]
    lines = ["".join(f"{c:>{w}}" for c, w in zip(r, widths)) for r in rows]
    lines.append(f"(saved in {path.name}, from the model of that run; re-run: .venv/bin/python -m classifier.learning_curve "
                 f"--out docs/figures/{path.name})")
    return Section("learning curve: moderator labels from another source (Dreaddit train) added", lines)


def evaluate(model: ClassifierModel, datasets_dir: Path | None = None, public: bool = True,
             recipe: bool = True, previous: ClassifierModel | None = None) -> EvaluationReport:
    """Evaluate `model` on the frozen split, the held-out split and, when the shared data is
    present, the public tests; with `previous`, each split also gets a side-by-side table."""
    report = EvaluationReport(model.version)
    rows: list[tuple[str, str, str, str]] = []
    for split, title in (("frozen", "frozen evaluation split (never trained or tuned on)"),
                         ("heldout", "held-out community split (promotion check)")):
        goals, old = _split_section(model, split, title, report, previous)
        rows += [(f"{split}: {k}", old[k] if old else "-", v, GOALS.get(k, "") if split == "frozen" else "")
                 for k, v in goals.items()]
    root = datasets_dir if datasets_dir is not None else public_data.find_datasets_dir()
    have = public_data.available(root) if public else []
    if root is None or not have:
        report.sections.append(Section("public test splits", ["skipped: no ../shared/datasets beside the repo"]))
        report.sections.insert(0, _summary(rows, previous, model))
        report.sections.append(_learning_curve_section())
        return report
    mine = _shipped_on_public(model, root, have, report)
    theirs = _shipped_on_public(previous, root, have, None) if previous is not None else {}
    rows += [(f"{name}: levels mapped, macro-F1", f"{theirs[name]:.3f}" if name in theirs else "-", f"{mine[name]:.3f}",
              "(transfer)") for name in mine]
    if recipe:
        for name in ("dreaddit", "sdcnl", "cssrs"):
            if name in have:
                score, chosen, table = recipe_score(name, root)
                report.metrics[f"{name}_recipe_macro_f1"] = round(score, 4)
                head = f"test macro-F1 {score:.3f} vs baseline {BASELINES[name]:.3f} ({chosen})"
                report.sections.append(Section(f"recipe on {name} (train split -> test split)", [head, *table]))
                rows.append((f"{name}: recipe, macro-F1", "(same code)", f"{score:.3f}", f"{BASELINES[name]:.3f}"))
    report.sections.insert(0, _summary(rows, previous, model))
    report.sections.append(_learning_curve_section())
    return report
