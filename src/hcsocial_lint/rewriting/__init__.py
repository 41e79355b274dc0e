"""Post-level rewrites (issue #13): one suggested version of a whole post, or advice when none is honest.

:func:`rewrite_post` decides per finding (safe fix, drop the sentence, the rule's finished
replacement, or advice only); :mod:`.grammar` repairs articles, spacing, punctuation and
sentence-start capitals around the edits; :class:`PostRewrite` is what the report carries.
``Linter.rewrite(text, ...)`` is the library entry point.
"""

from .post import PostRewrite, rewrite_post

__all__ = ["PostRewrite", "rewrite_post"]
