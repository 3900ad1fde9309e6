"""Spelling (and some grammar) from an engine embedded in the app: no Java, no download.

The engine (:mod:`.engine`'s :class:`~.engine.Engine`; Harper in :mod:`.harper_engine`)
sits behind a small interface so it can be swapped: the binding is young and pinned. The
checker (:mod:`.checker`) feeds it the draft's prose one paragraph at a time, caches the
answers, and drops what a work message is full of and a dictionary does not know (code,
URLs, @mentions, identifiers, names); :mod:`.ids` turns engine rule names into AsyncWriter
ids and reports one problem at one span once, whichever engines found it.

Import from the submodules: this package re-exports nothing, so importing the ids loads no
engine.
"""

from __future__ import annotations
