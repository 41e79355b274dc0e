"""Presidio on top of our parse.

Presidio's URL recognizer is replaced by :class:`~.url_recognizer.FastUrlRecognizer` (same
matches, no quadratic backtracking). Presidio's own ``SpacyNlpEngine`` would parse every text a second time. ``SharedDocNlpEngine``
instead turns the ``Doc`` hclint already has into Presidio's ``NlpArtifacts``, so the
analyzer and our rules read one parse. Recognizers come from Presidio's predefined set
plus whatever plug-ins register through the ``hclint_recognizers`` hook.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, NlpEngine
from spacy.language import Language
from spacy.tokens import Doc

from .offline import make_tldextract_offline
from .url_recognizer import FastUrlRecognizer

# spaCy labels -> Presidio entity names; the same mapping Presidio's spaCy config uses.
SPACY_TO_PRESIDIO = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "NORP": "NRP",
    "FAC": "LOCATION",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "LOCATION": "LOCATION",
    "ORG": "ORGANIZATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE": "DATE_TIME",
    "TIME": "DATE_TIME",
}
IGNORED_LABELS = ["CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT", "PRODUCT", "QUANTITY", "WORK_OF_ART"]

# Recognizers of other countries' identifiers that only add false alarms to US posts.
_NOT_RELEVANT = {"NhsRecognizer", "CryptoRecognizer", "IbanRecognizer", "UuidRecognizer"}

for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).setLevel(logging.ERROR)


class SharedDocNlpEngine(NlpEngine):
    """An NlpEngine that never parses: it wraps Docs made by hclint's pipeline."""

    engine_name = "hclint-shared-doc"
    is_available = True

    def __init__(self, nlp: Language, has_ner: bool) -> None:
        self.nlp = {"en": nlp}
        self._has_ner = has_ner
        self.ner_model_configuration = NerModelConfiguration(
            model_to_presidio_entity_mapping=SPACY_TO_PRESIDIO,
            labels_to_ignore=IGNORED_LABELS,
        )

    def load(self) -> None:  # the pipeline is loaded by hclint
        return None

    def is_loaded(self) -> bool:
        return True

    def artifacts(self, doc: Doc) -> NlpArtifacts:
        """Presidio's view of an existing parse: entities relabelled, nothing recomputed."""
        mapping = self.ner_model_configuration.model_to_presidio_entity_mapping
        ignore = set(self.ner_model_configuration.labels_to_ignore)
        entities, scores = [], []
        for ent in doc.ents if self._has_ner else ():
            if ent.label_ in ignore or ent.label_ not in mapping:
                continue
            span = doc.char_span(ent.start_char, ent.end_char, label=mapping[ent.label_])
            if span is None:
                continue
            entities.append(span)
            scores.append(self.ner_model_configuration.default_score)
        return NlpArtifacts(
            entities=entities,
            tokens=doc,
            tokens_indices=[t.idx for t in doc],
            lemmas=[t.lemma_ or t.lower_ for t in doc],
            nlp_engine=self,
            language="en",
            scores=scores,
        )

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return self.artifacts(self.nlp["en"](text))

    def process_batch(self, texts: Iterable[str], language: str, batch_size: int = 1, n_process: int = 1, **kwargs) -> Iterator:
        for doc in self.nlp["en"].pipe(texts, batch_size=max(batch_size, 1)):
            yield doc.text, self.artifacts(doc)

    def is_stopword(self, word: str, language: str) -> bool:
        return self.nlp["en"].vocab[word].is_stop

    def is_punct(self, word: str, language: str) -> bool:
        return self.nlp["en"].vocab[word].is_punct

    def get_supported_entities(self) -> list[str]:
        return sorted(set(SPACY_TO_PRESIDIO.values())) if self._has_ner else []

    def get_supported_languages(self) -> list[str]:
        return ["en"]


def build_analyzer(nlp: Language, has_ner: bool, extra: Sequence[EntityRecognizer] = ()) -> tuple[AnalyzerEngine, SharedDocNlpEngine]:
    """An AnalyzerEngine reading our parse, with Presidio's recognizers and the plug-ins' ones."""
    make_tldextract_offline()
    engine = SharedDocNlpEngine(nlp, has_ner)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    for recognizer in list(registry.recognizers):
        if recognizer.name in _NOT_RELEVANT or (not has_ner and recognizer.name == "SpacyRecognizer"):
            registry.remove_recognizer(recognizer.name)
    if any(recognizer.name == "UrlRecognizer" for recognizer in registry.recognizers):
        registry.remove_recognizer("UrlRecognizer")
        registry.add_recognizer(FastUrlRecognizer())
    for recognizer in extra:
        registry.add_recognizer(recognizer)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
    return analyzer, engine


def analyze_doc(analyzer: AnalyzerEngine, engine: SharedDocNlpEngine, doc: Doc) -> list[RecognizerResult]:
    return analyzer.analyze(
        text=doc.text,
        language="en",
        nlp_artifacts=engine.artifacts(doc),
        return_decision_process=True,
    )
