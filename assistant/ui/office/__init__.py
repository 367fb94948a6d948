"""Office widgets: staff profiles, credentials (clipboard copy), expiry banner, crash dialog."""
