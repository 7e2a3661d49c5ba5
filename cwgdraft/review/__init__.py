"""Review rounds: copies sent to reviewers, and what comes back as proposals.

A *round* records what went out (each paragraph's content and the text a
reader saw, the whole report too); a reviewer's copy is read back by
paragraph id and compared three ways (the round's base, the store now, the
copy) into *proposals*, which the secretariat accepts or rejects. Reading a
copy never changes the report.

- `rounds`: the rounds and proposals in the store.
- `package`: the Word side (protection, editable ranges, the round's id in a
  custom document property).
- `reader`: a reviewer's copy, paragraph by paragraph, tracked changes and comments.
- `compare`: base/ours/theirs into proposals; accepting and rejecting them.
"""
