"""Keep third-party libraries off the network.

Presidio's e-mail recognizer validates domains with ``tldextract``, whose default
extractor fetches the public-suffix list over HTTP the first time it runs. hclint reads
PHI and must make no network call, so the module-level ``tldextract.extract`` is swapped
for an extractor that uses only the snapshot bundled inside the tldextract package.
"""

from __future__ import annotations

import functools

import tldextract


@functools.lru_cache(maxsize=1)
def offline_extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def make_tldextract_offline() -> None:
    """Point every user of ``tldextract.extract`` (Presidio included) at the bundled snapshot."""
    extractor = offline_extractor()
    tldextract.extract = extractor  # the module attribute Presidio calls
    tldextract.tldextract.extract = extractor
    try:
        from presidio_analyzer.predefined_recognizers.generic import email_recognizer
    except ImportError:  # pragma: no cover - older Presidio layout
        return
    email_recognizer.tldextract.extract = extractor
