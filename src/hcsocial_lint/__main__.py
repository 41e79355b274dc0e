"""``python -m hcsocial_lint`` runs the ``hclint`` command, for environments without the console script."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    main(prog_name="hclint")
