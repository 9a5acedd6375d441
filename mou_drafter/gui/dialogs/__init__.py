"""Dialogs of the app: export (:mod:`.export`), settings (:mod:`.settings`) and the reviewers'
comparison of template versions (:mod:`.compare`)."""
