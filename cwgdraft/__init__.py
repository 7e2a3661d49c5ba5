"""cwgdraft: drafts the chair's report of an ITU Council working group, in Arabic."""

__version__ = "0.1.0"
