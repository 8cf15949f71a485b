"""Word lists the core reads: one place for every vocabulary."""
