"""The settings dialog (:mod:`.dialog`) and its pages, one module each.

A page builds its controls from the settings in effect, says next to a field why it cannot
be saved (``problem``) and writes its values into a copy of the settings (``apply`` or
``settings``); none reads or writes the file. That is the dialog's job, so each page can be
read, and changed, on its own. Shared field widgets are in :mod:`.fields`, the zone field in
:mod:`.zone_field`.
"""

from __future__ import annotations
