#!/usr/bin/python3
"""Generates the expected Treebank tokens the Java tokenizer is tested against.

The oracle is NLTK's NLTKWordTokenizer (what nltk.word_tokenize applies to each sentence).
Install it with `apt-get install -y python3-nltk` and run with Debian's /usr/bin/python3,
from the project root:

    /usr/bin/python3 src/test/python/nltk_fixtures.py [../shared/data/reddit-comments-sample.csv]

Writes
  src/test/resources/text/nltk-fixtures.tsv        tuning set: reddit sample sentences (lower-cased
                                                   and as written), hand-written hard cases and
                                                   3,000 random strings of punctuation and clitics
  src/test/resources/text/nltk-heldout-sotu.tsv.gz held-out set: every sentence of
                                                   sample-corpus/state-of-the-union.csv, lower-cased,
                                                   never looked at while writing the Java rules
Each line: sentence<TAB>tokens joined by one space; the first line is a header.
Sentences are cut with a rough rule (line breaks, then white space after . ! or ?), which is
enough here: the tests compare tokenizers, not splitters.
"""
import csv
import gzip
import io
import os
import random
import re
import sys

import nltk
from nltk.tokenize import NLTKWordTokenizer

csv.field_size_limit(1 << 30)
TOKENIZER = NLTKWordTokenizer()
ROUGH_SPLIT = re.compile(r"(?<=[.!?])\s+")

HARD_CASES = r"""
he left!
"hello," she said. "it's fine."
aren't you i'd cannot gonna gimme gotta lemme wanna go wanna d'ye more'n 'tis 'twas
I cannot believe you're gonna wanna do that, gotta say.
Cannot. Gonna! Wanna? lemme
the u.s. economy grew 3.5 percent in 2015.
the u.s. is big
wait... what?! no!!! really?
wait...what
well.. ok
(see [this] {that} <b>)
http://www.example.com/foo_bar.html?x=1&y=2 is good.
see https://en.wikipedia.org/wiki/Foo_(bar) for more
[link](http://reddit.com/r/nfl/comments/3g9p2c/) here
www.google.com.
email me at john.doe@example.com, thanks
:) :-( ;) :D <3 xD ^_^ o_O :P :/ D: :'( =) >:(
&gt; quoted text &amp; more &lt; &quot;x&quot; &#39;
&gt;Here's an idea, why not
**bold** *it* _u_ ~~strike~~ # heading
* list item
1. first item
- dash item
> quote
$5.00 10% #1 @user a--b a - b a-b a---b
'single quotes' and ''double singles'' and ``backticks''
''start with two singles
she said 'hello' to the dogs' owners'
the 'a' thing and 'b and 'x'
rock 'n' roll y'all o'clock ma'am
1,000,000 people, 3:30 pm, a:b a,b 1,2 x,1
i.e. e.g. etc. mr. smith
he's she'll we've they're i'm you'd it's
HE'S I'M DON'T CAN'T WON'T
don't won't shan't ain't
it's. it's, it's? it's) it's-
“curly” ‘single’ — en–dash … «guillemets» „low“
end with quote."
end with paren.)
end with bracket.]
end with quote.'
end with two quotes.''
two periods.. here
a.b. c.
what?
x.
...
. leading
3.
u.s.
"quoted at start
a"b c""d
say "hi"
he said:"no"
(parenthesised "quote")
[bracketed 'quote']
it's 5 o'clock; time for tea & cake @ home #yolo
100% sure, $100, 5$
c++ and c# and .net and node.js
edit: typo
edit 2: nevermind
/r/nfl and /u/someone
r/askreddit
TL;DR: it's fine
tl;dr it's fine
10:30am 10.30 10,30 1.5x
3.14159 -5 +5 5-10 1/2 2^10
e=mc^2
'90s and '80s rock
'em all
y'know what
couldn't've shouldn't've
i'll i'd've
o'neill o'brien
'cause i said so
it is what it is...
and so on....
hmm.....
no!?
yes?!?!
wow!!!!!!
"yes!" he said.
"no?" she asked.
the end."
the end".
tab	separated	words
non-breaking space here
café naïve résumé über straße
日本語のテキスト。
emoji 😀 here 👍🏽!
“Smart quotes,” he said.
It’s a “test”.
don’t won’t
the ’90s
A.
Mr. Smith went to Washington.
Dr. Who?
St. Louis, Mo. is nice.
a.m. p.m. vs. etc.
#1 #2 #3
@someone hi
50%-60%
x*y*z
**NOT ENFORCEABLE**.
^^this
~tilde~
|pipe|
back\slash
under_score_word
{"json": "value"}
<html>tag</html>
a<b>c
a>b
a=b
a+b
a;b
a!b
a?b
a:b
a,b
a.b
a'b
a"b
a`b
a´b
--
---
- -
''
""
"
'
.
,
:
;
!
?
a
"""

# Random strings built from the pieces the rules are about, so the fixtures also test rule
# interactions that real text rarely shows. Fixed seed: the same fixtures every run.
FUZZ_PIECES = ["a", "b", "x", "s", "t", "d", "m", "n", "re", "ve", "ll", "'", "''", '"', "`", "``", ".", "..",
               "...", ",", ":", ";", "?", "!", "(", ")", "[", "]", "{", "}", "<", ">", "-", "--", "*", "&", "#",
               "$", "%", "@", " ", " ", " ", "\u00a0", "\u2009", "\x0b", "\u3000", "3", "5", "0", "can", "not",
               "gon", "na", "wan", "gim", "me", "'t", "is", "was", "d'ye", "more'n", "\u00ab", "\u00bb", "\u201c",
               "\u201d", "\u2018", "\u2019", "\u201e", "_", "\u00b2", "\u00e9", "S", "D", "LL", "RE", "N'T",
               "n't", "'s", "'m", "'d", "'ll", "'re", "'ve", "/", "=", "+", "^", "~", "|", "\\", "\U0001F600"]

def fuzz_cases(count, seed=2015):
    rng = random.Random(seed)
    return ["".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(1, 24))) for _ in range(count)]

def tokenize(sentence):
    return " ".join(TOKENIZER.tokenize(sentence))

def clean(s):
    # a fixture is one line: tabs become spaces (same tokens), other line breaks are cut before
    return s.replace("\t", " ")

def rough_sentences(text):
    out = []
    for line in re.split(r"[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+", text):
        for s in ROUGH_SPLIT.split(line):
            s = s.strip()
            if s:
                out.append(s)
    return out

def write_tsv(out, sentences):
    out.write("sentence\ttokens\n")
    seen = set()
    n = 0
    for s in sentences:
        s = clean(s)
        if not s.strip() or s in seen:
            continue
        seen.add(s)
        out.write(s + "\t" + tokenize(s) + "\n")
        n += 1
    return n

def main():
    root = os.getcwd()
    reddit = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "reddit-comments-sample.csv")
    sotu = os.path.join(root, "sample-corpus", "state-of-the-union.csv")
    res = os.path.join(root, "src", "test", "resources", "text")
    os.makedirs(res, exist_ok=True)

    tuning = [line for line in HARD_CASES.split("\n") if line != ""]
    tuning += [line.lower() for line in HARD_CASES.split("\n") if line != ""]
    tuning += ["non\u00a0breaking\u00a0space", "thin\u2009space", "line\u2028separator", "it's\u00a0fine"]
    tuning += fuzz_cases(3000)
    with open(reddit, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, skipinitialspace=True)
        next(reader)
        for row in reader:
            for s in rough_sentences(row[0]):
                tuning.append(s.lower())
                tuning.append(s)
    with open(os.path.join(res, "nltk-fixtures.tsv"), "w", encoding="utf-8", newline="\n") as out:
        n = write_tsv(out, tuning)
    print("nltk-fixtures.tsv: %d sentences (NLTK %s)" % (n, nltk.__version__))

    heldout = []
    with open(sotu, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, skipinitialspace=True)
        for row in reader:
            heldout.extend(s.lower() for s in rough_sentences(row["body"]))
    buf = io.StringIO()
    n = write_tsv(buf, heldout)
    with open(os.path.join(res, "nltk-heldout-sotu.tsv.gz"), "wb") as raw:
        # mtime=0: the same input gives the same bytes, so regenerating does not dirty git
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print("nltk-heldout-sotu.tsv.gz: %d sentences" % n)

if __name__ == "__main__":
    main()
