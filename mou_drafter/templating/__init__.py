"""From a draft to the document model through versioned templates: the template library (which
versions exist, in which folders; :mod:`.library`), the sandboxed Jinja engine (:mod:`.engine`),
the per-language formatting filters (:mod:`.formatting`), templates read as source
(:mod:`.source`) and lint (:mod:`.lint`). Produces :class:`mou_drafter.document.Document`; knows
nothing of DOCX, HTML or the settings file."""
