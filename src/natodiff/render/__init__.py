"""Renderers: each consumes a Comparison and never re-aligns or recounts."""
