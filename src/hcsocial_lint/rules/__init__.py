"""Rules: the Python rule protocol, declarative rule packs and the built-in families."""
