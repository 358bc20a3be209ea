"""brief: briefings on disarmament negotiations, from curated UN summaries, in Chinese or English."""

__version__ = "0.1.0"
