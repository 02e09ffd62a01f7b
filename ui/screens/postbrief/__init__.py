"""The post-brief: evidence wall, calibration, patterns, commitments, next steps, action
items and session feedback, held together by `PostBriefWorkspace`.

The main window creates one workspace per open walk::

    workspace = PostBriefWorkspace(services, walk_id, bridge, asker)
    workspace.show_panel("patterns")   # a post-brief step's `activity`
    workspace.shutdown()               # before the walk is closed

One module per panel; Qt item models live in `walkapp.ui.models`.
"""

from walkapp.ui.screens.postbrief.feedback import FeedbackQuestion, default_questions
from walkapp.ui.screens.postbrief.screenshots import render_screenshots
from walkapp.ui.screens.postbrief.workspace import PANEL_NAMES, PostBriefWorkspace

__all__ = ["PANEL_NAMES", "FeedbackQuestion", "PostBriefWorkspace", "default_questions",
           "render_screenshots"]
