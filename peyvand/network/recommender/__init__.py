"""The partner recommender, by stage (pure arrays, no ORM):

- `signals/`: one module per signal: its features, the numbers behind its reason and the
  reason's words; `signals.SIGNALS` is the registry;
- `context.py`: what features need about one network, computed once, and pair structure;
- `features.py`: the feature matrix, assembled from the signals;
- `model.py`: the additive model, its fit on hidden links, the hand-set prior, scoring;
- `evaluation.py`: AUC, Hits@k and MRR on held-out links, and the structural baselines;
- `cities.py`: city attributes derived from names (capitals, namesakes).

See docs/decisions/0002-partner-recommender.md.
"""
