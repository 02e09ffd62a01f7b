"""The post-brief: evidence wall, calibration, patterns, commitments, next steps, action
items and session feedback, held together by `PostBriefWorkspace`."""
