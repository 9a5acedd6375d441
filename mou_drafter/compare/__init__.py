"""Comparing template versions clause by clause and word by word: the pure alignment
(:mod:`.align`), what is compared (template text or a draft's document, :mod:`.sources`), the
HTML and text reports (:mod:`.report`) and the Word document with tracked changes
(:mod:`.redline`, written through :mod:`mou_drafter.render.oxml`)."""
