"""brief's folders on Linux are worked out without platformdirs (its import is milliseconds of every run); they
must be exactly platformdirs' answers, and platformdirs decides whenever the answer is not simple."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from brief import locations

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast path is Linux's")

KINDS = {"config": locations.config_dir, "data": locations.data_dir, "cache": locations.cache_dir}
VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")


@pytest.mark.parametrize(("home", "xdg"), [
    ("/home/delegate", None),           # nothing set: the defaults under HOME
    ("/home/delegate/", None),          # a trailing slash
    ("/", None),                        # HOME at the root
    ("/home/delegate", "/srv/xdg"),     # absolute XDG variables win
    ("/home/delegate", "/srv/xdg/"),
    ("/home/delegate", ""),             # empty: as if unset
    ("/home/delegate", "relative/xdg"),  # relative: ignored, as the specification says
    ("relative-home", None),            # a relative HOME: platformdirs decides (it asks the password database)
    (None, None),                       # no HOME at all: platformdirs decides
    (None, "/srv/xdg"),
])
def test_each_folder_is_platformdirs_answer(monkeypatch: pytest.MonkeyPatch, home: str | None,
                                            xdg: str | None) -> None:
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    for variable in VARIABLES:
        if xdg is None:
            monkeypatch.delenv(variable, raising=False)
        else:
            monkeypatch.setenv(variable, f"{xdg}{variable.lower()}" if xdg.endswith("/") else xdg)
    for kind, ours in KINDS.items():
        theirs = getattr(platformdirs, f"user_{kind}_path")("brief", appauthor=False)
        assert ours() == Path(theirs), kind


def test_the_folders_differ_and_notes_and_marks_live_in_the_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/delegate")
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    assert locations.cache_dir() == Path("/home/delegate/.cache/brief")
    assert locations.notes_dir() == Path("/home/delegate/.local/share/brief/notes")
    assert locations.marks_dir() == Path("/home/delegate/.local/share/brief/marks")
    assert locations.config_dir() == Path("/home/delegate/.config/brief")
