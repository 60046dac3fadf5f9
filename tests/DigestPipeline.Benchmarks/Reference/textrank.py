#!/usr/bin/python3
# Copied unchanged (apart from this line) from ../shared/bench/textrank.py, the reference of the analysis-throughput ratio (issue 16); see docs/performance.md.
"""TextRank (Mihalcea & Tarau 2004) over every text of a JSON Lines set: the reference for item 1.

Each row becomes title + "\n\n" + text (the bytes the project's CorpusAnalysis benchmark analyses).
Per document: sentences by a regex, words lower-cased (\\w+), similarity of two sentences =
|words in common| / (log|S_i| + log|S_j|) (M&T 2004, eq. 6), an undirected weighted graph in networkx,
networkx.pagerank, the top 3 sentences kept in document order.
Only the analysis loop is timed (not the interpreter start, imports or the JSON parse): MB/s = bytes / 1e6 / s.
"""
import json
import math
import re
import sys
import time

import networkx as nx

SENTENCE_END = re.compile(r'(?<=[.!?])["\')\]]*\s+|\n\s*\n|\n')
WORD = re.compile(r'\w+', re.UNICODE)


def sentences_of(text):
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def textrank(text, top=3):
    sents = sentences_of(text)
    words = [set(WORD.findall(s.lower())) for s in sents]
    lengths = [len(WORD.findall(s)) for s in sents]
    graph = nx.Graph()
    graph.add_nodes_from(range(len(sents)))
    for i in range(len(sents)):
        wi, li = words[i], lengths[i]
        if li < 2:
            continue
        for j in range(i + 1, len(sents)):
            lj = lengths[j]
            if lj < 2:
                continue
            common = len(wi & words[j])
            if common:
                graph.add_edge(i, j, weight=common / (math.log(li) + math.log(lj)))
    if graph.number_of_edges() == 0:
        chosen = list(range(min(top, len(sents))))
    else:
        scores = nx.pagerank(graph, weight='weight')
        chosen = sorted(sorted(scores, key=scores.get, reverse=True)[:top])
    return [sents[i] for i in chosen]


def main():
    path = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    texts = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                texts.append(row['title'] + '\n\n' + row['text'])
    size = sum(len(t.encode('utf-8')) for t in texts)
    picked = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(passes):
        for t in texts:
            picked += len(textrank(t))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    mb = size * passes / 1e6
    print(f"python-textrank docs={len(texts)} passes={passes} bytes={size} picked={picked} "
          f"wall_s={wall:.3f} cpu_s={cpu:.3f} MBps_wall={mb / wall:.3f} MBps_cpu={mb / cpu:.3f} networkx={nx.__version__}")


if __name__ == '__main__':
    main()
