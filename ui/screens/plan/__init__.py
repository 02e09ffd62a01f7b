"""The plan of a walk, one panel per part: details, look-fors, norms, roster, route, review.

Each panel takes the services it needs and the walk id, refreshes itself from change
events for its own entities, and is shown both on the Plan page and inside the matching
pre-brief step (the protocol step's `activity`)."""
