#!/usr/bin/python3
"""Could a learned extractive selector reach issue 16's "honest gains" on OrangeSum at <= 40 words?

A feasibility experiment, not part of the pipeline: it trains on one half of a dev file and scores the other,
in both directions, with the scoring convention of `digest eval` (rouge_score's French: lower-cased, runs of
non-word characters a space, NLTK's French Snowball stemmer on tokens longer than 3; R-1 F1 x 100, mean over
documents). Every system is compared with the text's first words cut at the same length, per document.

Systems:
  word-level   a gradient-boosted Poisson model predicts how often each stem of the text appears in the
               reference (features: counts, first position, sentences holding it, idf, capitals, digits, length,
               counts in the opening, the stem's rate of appearing in references on the training half, and with
               --title its count in the title); sentences are chosen greedily to maximise the expected R-1 F1,
               whole sentences within the budget;
  word-cut     the same model, filling the budget exactly and cutting the last sentence at any word (fragments
               issue 16 forbids: an upper bound for clause cuts);
  sentence     a gradient-boosted model predicts each sentence's share of words found in the reference from
               sentence features (position, length, tf-idf centrality, mean word rates, names, figures, quotes).
  oracle       greedy whole sentences chosen knowing the reference.

Needs Debian's python3-sklearn and python3-nltk (apt-get install python3-sklearn python3-nltk); ~3 minutes.
Usage: /usr/bin/python3 learned_selection.py <orangesum_abstract.dev.jsonl> [--title]
"""
import json, math, re, statistics, sys
from collections import Counter

import numpy as np
from nltk.stem.snowball import FrenchStemmer
from sklearn.ensemble import HistGradientBoostingRegressor

BUDGET = 40
REFERENCE_WORDS = 32  # OrangeSum abstracts average 32.2 words
USE_TITLE = "--title" in sys.argv
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]

_stemmer, _stems = FrenchStemmer(), {}
def stem(word):
    s = _stems.get(word)
    if s is None:
        s = _stems[word] = _stemmer.stem(word) if len(word) > 3 else word
    return s

def stems(text):
    return [stem(w) for w in re.sub(r"[\W_]+", " ", text.lower()).split()]

def rouge1(prediction, reference):
    p, r = Counter(stems(prediction)), Counter(stems(reference))
    overlap = sum((p & r).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(r.values())
    return 2 * precision * recall / (precision + recall)

SENTENCE_END = re.compile(r'(?<=[.!?…»"])\s+(?=[«"A-ZÀ-ÖØ-Þ0-9])')
texts = [[s for s in SENTENCE_END.split(r["text"]) if s.strip()] for r in rows]
# per document, per sentence: (stem, surface word)
docs = [[[(stem(w.lower()), w) for w in re.sub(r"[\W_]+", " ", s).split()] for s in ss] for ss in texts]
references = [Counter(stems(r["reference_summary"])) for r in rows]
doc_freq = Counter(t for d in docs for t in {t for s in d for t, _ in s})
N = len(rows)

def reference_rates(train):
    in_ref, in_doc = Counter(), Counter()
    for i in train:
        for t in {t for s in docs[i] for t, _ in s}:
            in_doc[t] += 1
            in_ref[t] += t in references[i]
    return in_ref, in_doc

def word_features(i, rates, leave_out=False):
    in_ref, in_doc = rates
    tf, first, sentences_with, capitals, in_first_sentence, in_first_40 = (Counter() for _ in range(6))
    position = 0
    for si, s in enumerate(docs[i]):
        for t, w in s:
            tf[t] += 1
            first.setdefault(t, position)
            capitals[t] += w[0].isupper() and position > 0
            in_first_sentence[t] += si == 0
            in_first_40[t] += position < 40
            position += 1
        for t in {t for t, _ in s}:
            sentences_with[t] += 1
    title = Counter(stems(rows[i]["title"])) if USE_TITLE else Counter()
    keys, features = list(tf), []
    for t in keys:
        a, b = in_ref[t], in_doc[t]
        if leave_out:  # a training document must not see its own reference through the rates
            a, b = a - (t in references[i]), b - 1
        features.append([tf[t], math.log1p(tf[t]), first[t], first[t] / max(1, position), sentences_with[t],
                         sentences_with[t] / max(1, len(docs[i])), math.log(N / (1 + doc_freq[t])),
                         capitals[t] / tf[t], t.isdigit(), len(t), in_first_sentence[t], in_first_40[t],
                         (a + 0.5) / (b + 2), b, title[t], position])
    return keys, np.array(features, dtype=float)

def train_word_model(train):
    rates = reference_rates(train)
    xs, ys = [], []
    for i in train:
        keys, x = word_features(i, rates, leave_out=True)
        xs.append(x)
        ys.append([references[i][t] for t in keys])
    model = HistGradientBoostingRegressor(loss="poisson", max_iter=300, learning_rate=0.05, random_state=0)
    model.fit(np.vstack(xs), np.concatenate(ys))
    return model, rates

def expected_matches(count, rate):
    """E[min(count, X)] for X ~ Poisson(rate): the clipped matches of a stem used count times."""
    total, p, cdf = 0.0, math.exp(-rate), 0.0
    for k in range(count):
        cdf += p
        total += 1 - cdf
        p *= rate / (k + 1)
    return total

def select_word_level(i, rate, cut):
    ss, d = texts[i], docs[i]
    lengths = [len(s.split()) for s in ss]
    def matches(tokens):
        return sum(expected_matches(n, rate.get(t, 0.0)) for t, n in Counter(tokens).items())
    chosen, used, tokens, best = [], 0, [], 0.0
    while used < BUDGET:
        pick, pick_value = None, -1.0
        for j in range(len(ss)):
            if any(j == c for c, _ in chosen) or (not cut and used + lengths[j] > BUDGET):
                continue
            k = min(lengths[j], BUDGET - used)
            candidate = tokens + [t for t, _ in d[j]][:k]
            if cut:  # fill the budget: best expected matches per word
                value = (matches(candidate) - matches(tokens)) / k
            else:    # whole sentences: best expected F1, stop when nothing raises it
                value = 2 * matches(candidate) / (len(candidate) + REFERENCE_WORDS)
                if value <= best:
                    continue
            if value > pick_value:
                pick, pick_value = j, value
        if pick is None:
            break
        k = min(lengths[pick], BUDGET - used)
        chosen.append((pick, k))
        used += k
        tokens += [t for t, _ in d[pick]][:k]
        best = pick_value
    return " ".join(" ".join(ss[j].split()[:k]) for j, k in sorted(chosen))

def sentence_features(i, rates):
    keys, x = word_features(i, rates)
    rate_of = {k: x[j, 12] for j, k in enumerate(keys)}
    idf = {k: x[j, 6] for j, k in enumerate(keys)}
    tf = Counter(t for s in docs[i] for t, _ in s)
    vectors = [Counter(t for t, _ in s) for s in docs[i]]
    norms = [math.sqrt(sum((c * idf[t]) ** 2 for t, c in v.items())) for v in vectors]
    n = len(vectors)
    features = []
    for j, s in enumerate(docs[i]):
        ts, length = [t for t, _ in s], max(1, len(s))
        centrality = sum(sum(c * vectors[k][t] * idf[t] ** 2 for t, c in vectors[j].items() if t in vectors[k])
                         / (norms[j] * norms[k] or 1) for k in range(n) if k != j) / max(1, n - 1)
        features.append([j, j / max(1, n), len(s), centrality, sum(rate_of[t] for t in ts) / length,
                         sum(tf[t] for t in ts) / length, sum(idf[t] for t in ts) / length,
                         sum(w[0].isupper() for _, w in s[1:]), sum(t.isdigit() for t in ts),
                         texts[i][j].lstrip()[:1] in '«"', "«" in texts[i][j] or '"' in texts[i][j], n])
    return np.array(features, dtype=float)

def train_sentence_model(train):
    rates = reference_rates(train)
    xs, ys = [], []
    for i in train:
        xs.append(sentence_features(i, rates))
        ys += [sum((Counter(t for t, _ in s) & references[i]).values()) / max(1, len(s)) for s in docs[i]]
    model = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, random_state=0)
    model.fit(np.vstack(xs), np.array(ys))
    return model, rates

def select_sentence_level(i, model, rates):
    ss = texts[i]
    predicted = model.predict(sentence_features(i, rates))
    chosen, used = [], 0
    for j in sorted(range(len(ss)), key=lambda j: -predicted[j]):
        if used + len(ss[j].split()) <= BUDGET:
            chosen.append(j)
            used += len(ss[j].split())
    return " ".join(ss[j] for j in sorted(chosen))

def select_oracle(i):
    ss, reference = texts[i], rows[i]["reference_summary"]
    chosen, used, best = [], 0, 0.0
    while True:
        pick = None
        for j in range(len(ss)):
            if j in chosen or used + len(ss[j].split()) > BUDGET:
                continue
            score = rouge1(" ".join(ss[k] for k in sorted(chosen + [j])), reference)
            if score > best:
                best, pick = score, j
        if pick is None:
            return " ".join(ss[k] for k in sorted(chosen))
        chosen.append(pick)
        used += len(ss[pick].split())

def score(summaries, part):
    ours, first_words, words = [], [], []
    for i, summary in zip(part, summaries):
        n = len(summary.split())
        words.append(n)
        ours.append(rouge1(summary, rows[i]["reference_summary"]))
        first_words.append(rouge1(" ".join(rows[i]["text"].split()[:n]), rows[i]["reference_summary"]))
    return (f"R-1 {100 * statistics.mean(ours):.2f}, first words at the same length "
            f"{100 * statistics.mean(first_words):.2f}, {statistics.mean(words):.1f} words")

even = [i for i in range(N) if i % 2 == 1]  # the file's even lines (awk 'NR%2==0')
odd = [i for i in range(N) if i % 2 == 0]
print(f"{N} documents, titles {'given' if USE_TITLE else 'withheld'}, budget {BUDGET} words")
for train, test, name in ((even, odd, "even -> odd"), (odd, even, "odd -> even")):
    word_model, rates = train_word_model(train)
    rate_of = lambda i: dict(zip(*(lambda k, x: (k, word_model.predict(x)))(*word_features(i, rates))))
    rates_by_doc = {i: rate_of(i) for i in test}
    print(f"{name}  word-level  {score([select_word_level(i, rates_by_doc[i], False) for i in test], test)}")
    print(f"{name}  word-cut    {score([select_word_level(i, rates_by_doc[i], True) for i in test], test)}")
    sentence_model, rates = train_sentence_model(train)
    print(f"{name}  sentence    {score([select_sentence_level(i, sentence_model, rates) for i in test], test)}")
    print(f"{name}  oracle      {score([select_oracle(i) for i in test], test)}")
