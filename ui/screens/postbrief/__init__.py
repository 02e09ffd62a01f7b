"""The post-brief: evidence wall, calibration, patterns, commitments, next steps, action
items and session feedback, held together by `PostBriefWorkspace`.

The main window creates one workspace per open walk::

    workspace = PostBriefWorkspace(services, walk_id, asker)
    workspace.on_change(change)        # its parent hands it each change once
    workspace.show_panel("patterns")   # a post-brief step's `activity`
    workspace.shutdown()               # before the walk is closed

One module per panel; Qt item models live in `walkapp.ui.models`.
"""

from walkapp.ui.screens.postbrief.feedback import FeedbackQuestion, default_questions
from walkapp.ui.screens.postbrief.workspace import PANEL_NAMES, PostBriefWorkspace

# The screenshot tool is walkapp.ui.screenshots_postbrief: it builds a QApplication through
# walkapp.ui.app, which composes this package, so exporting it here made an import cycle.
__all__ = ["PANEL_NAMES", "FeedbackQuestion", "PostBriefWorkspace", "default_questions"]
