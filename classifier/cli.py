"""`peerfeed model ...`: train and evaluate the classifier (the lead mounts `model_app`)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from classifier.labels import Example

def _plain(value, default):
    """A parameter's value when the function is called directly (peerfeed/cli.py wraps these
    commands and passes only the options it knows; the others arrive as typer's OptionInfo)."""
    return default if isinstance(value, typer.models.OptionInfo) else value


model_app = typer.Typer(help="Train and evaluate the topic and distress classifier.", no_args_is_help=True)


def read_examples(path: Path) -> list[Example]:
    """Read labelled examples: JSON lines of {"text", "distress", "topics" (optional list or null)}."""
    examples = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                examples.append(Example(text=row["text"], distress=int(row["distress"]), topics=row.get("topics"),
                                        source="review", group=f"extra-{number}"))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                typer.echo(f"error: {path} line {number}: {type(exc).__name__}: {exc}", err=True)
                raise typer.Exit(code=2) from None
    return examples


@model_app.command()
def train(
    extra: Path | None = typer.Option(None, help="JSON lines of moderator labels {text, distress, topics}."),
    out: Path | None = typer.Option(None, help="Where to write the model (default: the shipped model file)."),
    no_public: bool = typer.Option(False, "--no-public", help="Train on the community corpus only."),
    no_encoder: bool = typer.Option(False, "--no-encoder", help="TF-IDF only: no sentence-encoder stage (faster, weaker)."),
    force: bool = typer.Option(False, help="Write even if level>=2 recall dropped against the model at OUT."),
) -> None:
    """Train a model; it replaces the one at OUT only if its level>=2 recall does not drop."""
    from classifier.model import DEFAULT_MODEL_PATH, load_model
    from classifier.training import TrainConfig, evaluate, promote_if_not_worse
    from classifier.training import train as train_model

    no_encoder = _plain(no_encoder, False)
    target = out or DEFAULT_MODEL_PATH
    extras = read_examples(extra) if extra else None
    candidate = train_model(extra_examples=extras, config=TrainConfig(use_public=not no_public, encoder=not no_encoder))
    report = evaluate(candidate, public=False)
    candidate.card["metrics"].update(report.metrics)
    current = load_model(target) if target.is_file() else None
    if not force and current is not None and not promote_if_not_worse(candidate, current):
        typer.echo(f"not promoted: level>=2 recall of {candidate.version} is below {current.version}", err=True)
        raise typer.Exit(code=2)
    candidate.save(target)
    typer.echo(report.render())
    typer.echo(f"saved {candidate.version} to {target}")


@model_app.command()
def evaluate(
    model_path: Path | None = typer.Option(None, "--model", help="A skops model file (default: shipped)."),
    public: bool = typer.Option(True, help="Also evaluate on the public test splits when present."),
    recipe: bool = typer.Option(True, help="Also train and test the recipe on each public set (slower)."),
    previous: Path | None = typer.Option(None, help="Compare with this model file (default: the one shipped "
                                                    "before this model, classifier/data/previous_model.skops)."),
) -> None:
    """Print the frozen split, the held-out split, the public test sets and the previous model beside this one."""
    from classifier.model import PREVIOUS_MODEL_PATH, load_model
    from classifier.training import evaluate as evaluate_model

    model = load_model(model_path)
    previous_path = _plain(previous, None) or PREVIOUS_MODEL_PATH
    before = load_model(previous_path) if previous_path.is_file() else None
    typer.echo(evaluate_model(model, public=public, recipe=recipe, previous=before).render())
