"""The per-page pipeline: RawPage → decode → extract → sentences → stances + predictions.

An Analyzer is built once per process (dictionaries, spaCy, lexicons, the stance model) and
reused for every page: loading per page would cost more than the analysis.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property

from pipeline.decode import decode
from pipeline.errors import ConfigError, PageRejected, UnknownModelError
from pipeline.extract import extract_page
from pipeline.extract.cleaning import Boilerplate
from pipeline.nlp import ChineseNLP
from pipeline.predictions import PredictionExtractor
from pipeline.records import Article, PageResult, RawPage, Reject, utcnow
from pipeline.settings import Settings, load_settings
from pipeline.stance import registry
from pipeline.stance.base import AnalysisInput, StanceClassifier
from pipeline.stance.cues import CueLexicon, CueScorer
from pipeline.targets import Catalogue

log = logging.getLogger(__name__)


class Analyzer:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()

    @cached_property
    def catalogue(self) -> Catalogue:
        return Catalogue.load(self.settings.path("targets_file"))

    @cached_property
    def boilerplate(self) -> Boilerplate:
        return Boilerplate.load(self.settings.path("boilerplate_patterns"))

    @cached_property
    def nlp(self) -> ChineseNLP:
        return ChineseNLP(self.catalogue, self.settings.path("userdict"))

    @cached_property
    def classifier(self) -> StanceClassifier:
        return registry.create(self.settings.model, self.settings, self.catalogue)

    @cached_property
    def predictor(self) -> PredictionExtractor:
        # The lexicon classifier already holds a cue scorer: share it rather than load twice.
        scorer = getattr(self.classifier, "scorer", None)
        if not isinstance(scorer, CueScorer):
            lexicon = CueLexicon.load(self.settings.path("stance_cues"), self.catalogue)
            scorer = CueScorer(lexicon, self.catalogue)
        extractor = PredictionExtractor.from_settings(
            self.settings, scorer, self.catalogue, self.nlp.tagged
        )
        if name := self.settings.claim_model:
            from pipeline.claims import ClaimFilter

            extractor.keep = ClaimFilter.load(self.settings.model_dir(name), extractor, name).keep
        return extractor

    def extract(self, raw: RawPage) -> Article:
        text, encoding = decode(raw.data, raw.source, raw.http_charset)
        return extract_page(raw, text, encoding, self.boilerplate, self.settings.min_body_chars)

    def analyze_article(self, article: Article) -> PageResult:
        """Stances and predictions read the same text (analysed): the writer's note and the
        head of a very long body; the article is stored as extracted."""
        read = analysed(article)
        sentences = self.nlp.sentences(read.body)
        found = self.predictor.candidates_in_context(read, sentences)
        item = AnalysisInput(read, sentences, tuple(found[0]))
        stances = self.classifier.predict(item, self.catalogue.ids)
        predictions = self.predictor.extract(read, sentences, found)
        return PageResult(article.source, article, tuple(stances), tuple(predictions))

    def process(self, raw: RawPage, analyse: bool = True) -> PageResult:
        """Never raises for a bad page: the reason comes back as a Reject. With analyse=False,
        the extraction stage alone (`duokong extract`)."""

        def work() -> PageResult:
            article = self.extract(raw)
            return self.analyze_article(article) if analyse else PageResult(raw.source, article)

        return self._never_failing(raw.source, raw.raw_hash, work)

    def analyze_stored(self, article: Article) -> PageResult:
        """analyze_article for an article read back from the warehouse (pipeline/reanalyze.py):
        one article that trips the analysis must not end the others' batch either."""
        return self._never_failing(article.source, None, lambda: self.analyze_article(article))

    @staticmethod
    def _never_failing(
        source: str, raw_hash: str | None, work: Callable[[], PageResult]
    ) -> PageResult:
        try:
            return work()
        except PageRejected as exc:
            return PageResult(
                source, reject=Reject(source, exc.stage, exc.reason, exc.detail, utcnow(), raw_hash)
            )
        except (ConfigError, UnknownModelError):
            raise  # a misconfigured run, not a bad page: stop with the message, write nothing
        except Exception as exc:  # one page must never crash a batch
            log.exception("unexpected error on %s", source)
            detail = f"{source}: {type(exc).__name__}: {exc}; please report this page"
            return PageResult(
                source,
                reject=Reject(source, "analyze", "internal-error", detail, utcnow(), raw_hash),
            )


# Stance and predictions read at most this much of a body (a long report is 50,000 characters).
# A 6 MB page of repeated paragraphs took two and a half minutes and gave 90,000 predictions;
# the body is still stored whole.
MAX_ANALYSED_CHARS = 200_000


def analysed(article: Article) -> Article:
    """The article as stance and predictions read it (analysed_text), stored as it is."""
    text = analysed_text(article)
    return article if text is article.body else replace(article, body=text)


def analysed_text(article: Article) -> str:
    """The writer's note (编者按, 译者按: extract/notes.py), then the body or its head up to the
    last paragraph end within MAX_ANALYSED_CHARS. The note is often the only place where whoever
    relays a translation or a guest column says what they think, and the stance label is theirs,
    as are the claims made there; our labelled examples hold such notes in their text. Every
    quote is a substring of the note or of the stored body."""
    body = _body_head(article)
    return f"{article.note}\n{body}" if article.note.strip() else body


def _body_head(article: Article) -> str:
    body = article.body
    if len(body) <= MAX_ANALYSED_CHARS:
        return body
    end = body.rfind("\n", 0, MAX_ANALYSED_CHARS)
    end = end if end > 0 else MAX_ANALYSED_CHARS
    log.warning(
        "%s: body of %d characters; stance and predictions read its first %d",
        article.source,
        len(body),
        end,
    )
    return body[:end]
