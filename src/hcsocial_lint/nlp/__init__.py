"""The language layer: one spaCy parse per post, shared by every rule and by Presidio."""
