"""Language integrity of plain texts: scripts (Thai letters in Lao text, Lao letters in Vietnamese
text), legacy Vietnamese encodings (TCVN3, VNI, VISCII), numbers and dates across languages,
names, the approved term list and translation fingerprints.

Everything here works on strings and plain data: it knows nothing of the draft, so the draft's
checks (:mod:`mou_drafter.model.language_checks`), the API and the app share one implementation.
Imports nothing of MoU Drafter above :mod:`mou_drafter.errors`.
"""
