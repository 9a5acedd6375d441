"""Words of a text, for the word-by-word comparison and for Lao line breaking in exports: ICU's
word break iterator through its C API (:mod:`.icu`) and the tokenizer over it (:mod:`.tokens`)."""
