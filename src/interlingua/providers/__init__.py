"""Provider adapters: one sub-package per provider family, each shaped alike."""
