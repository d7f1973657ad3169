"""Topic tags and distress triage for peerfeed posts (plain scikit-learn, no database, no Prefect).

    from classifier import load_model
    model = load_model()                  # the default model shipped in the package
    results = model.classify(["..."])     # list[Classification]
"""

from classifier.labels import TOPICS, DistressLevel, Example
from classifier.model import Classification, ClassificationFailure, ClassifierModel, load_model

__all__ = ["TOPICS", "Classification", "ClassificationFailure", "ClassifierModel", "DistressLevel", "Example",
           "load_model"]
