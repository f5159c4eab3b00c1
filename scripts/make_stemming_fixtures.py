"""Writes the reference stems that the Swift stemmers are tested against.

Vocabulary: the most frequent words of Russian and English (wordfreq); stems: the reference Snowball
implementation (snowballstemmer). Run with the benchmark venv:
    .venv-bench/bin/python scripts/make_stemming_fixtures.py
"""
import os
import snowballstemmer
import wordfreq

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "stemming")
for lang, name, count in (("ru", "russian", 20000), ("en", "english", 20000)):
    stemmer = snowballstemmer.stemmer(name)
    words = [w for w in wordfreq.top_n_list(lang, count * 2) if w.isalpha()][:count]
    with open(os.path.join(OUT, name + ".tsv"), "w", encoding="utf-8") as f:
        for word in words:
            f.write(f"{word}\t{stemmer.stemWord(word)}\n")
    print(name, len(words))
