"""The form: field widgets bound to draft paths (:mod:`.fields`), the sections of each kind of
document (:mod:`.sections`) and the names of fields in the interface language
(:mod:`.field_names`)."""
