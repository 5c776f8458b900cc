"""The CQI dashboard panels: participation, representation, responsiveness, feedback, progress."""
