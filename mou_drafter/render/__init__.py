"""From the document model to files: the typed render options (:mod:`.options`), the DOCX
renderer (:mod:`.docx`) over the one module that writes raw WordprocessingML (:mod:`.oxml`),
the HTML preview (:mod:`.html`), plain text (:mod:`.text`), reading DOCX files back
(:mod:`.inspect`) and the default fonts' metrics (:mod:`.font_metrics`).

Importing this package imports nothing heavy: python-docx is loaded by :mod:`.docx` and
:mod:`.inspect` only."""
