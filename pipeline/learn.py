"""The scikit-learn building blocks our trained models share, so they are built one way.

Hashed, not vocabulary-based, text features: the vocabularies made a 40 MB artifact (skops
writes them as JSON), a hashed model compresses to a few megabytes and needs no state to
vectorise. Logistic loss fitted to its optimum (L-BFGS): SGD, twenty times faster to fit,
scored as well in cross-validation, but its result moved with any small change to the data
(leaving 3 % of the articles out moved the stance model's real-page NVIDIA macro-F1 between
0.363 and 0.461; fitted exactly, 0.425-0.454: benchmarks/stability.py), so a retrained model said
more about SGD's path
than about the change being measured.
"""

from __future__ import annotations

from typing import Any


def hashed_tfidf(**vectorizer: Any):  # -> sklearn.pipeline.Pipeline
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            (
                "hash",
                HashingVectorizer(n_features=2**18, alternate_sign=False, norm=None, **vectorizer),
            ),
            ("tfidf", TfidfTransformer(sublinear_tf=True)),
        ]
    )


def logistic_sgd():  # -> sklearn.linear_model.SGDClassifier
    """The fast fit we used before (kept to measure against: benchmarks/stability.py).
    Class-balanced: the minority class is the one users look for (bulls and bears among
    neutral news; checkable predictions among chatter)."""
    from sklearn.linear_model import SGDClassifier

    return SGDClassifier(
        loss="log_loss", alpha=1e-4, class_weight="balanced", max_iter=50, tol=1e-4, random_state=13
    )


def logistic_exact(c: float):  # -> sklearn.linear_model.LogisticRegression
    """Class-balanced logistic regression fitted to its optimum. For the claim filter, leaving
    3 % of the examples out moved a retrained SGD filter between 0.28 and 0.39 in quote F1 on
    the same real pages; fitted exactly, between 0.39 and 0.40 (benchmarks/stability.py)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000)


def with_classifier(columns: Any, classifier: Any):  # -> sklearn.pipeline.Pipeline
    """Feature columns, then only the columns some training row fills (a quarter of the hash
    buckets), then the classifier."""
    from sklearn.feature_selection import VarianceThreshold
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("features", columns),
            ("used", VarianceThreshold(0.0)),
            ("classify", classifier),
        ]
    )
