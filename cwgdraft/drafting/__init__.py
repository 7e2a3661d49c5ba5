"""Drafting: what needs the templates on top of the model (standard wording,
fields filled in, carry-over to the next report, the check before export)."""
