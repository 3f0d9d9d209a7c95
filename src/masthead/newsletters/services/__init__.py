"""Writes of the newsletters app (``<entity>_<verb>``)."""
