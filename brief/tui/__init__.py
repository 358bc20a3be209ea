"""The Textual app. Nothing outside this package imports Textual."""

import os

# brief's escape delay (ms), unless the user set one: read by Textual when `textual.constants` is first imported,
# which is after this. Why 50, and why it only counts with brief's own driver: brief/tui/driver.py.
os.environ.setdefault("ESCDELAY", "50")
