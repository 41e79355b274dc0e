"""Learned second opinions: a small linear model per family, trained in the project on the
repository's labelled drafts (``tools/train_scorer.py``) and shipped as package data.

``features`` reads the post's one parse; ``linear`` holds the model and loads its weights from the
package, lazily, the first time a scorer runs. The rules that report a scorer's opinion live in
``rules/second_opinion.py``.
"""
