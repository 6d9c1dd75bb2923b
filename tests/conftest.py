"""Shared test settings: hypothesis profiles sized for CI (2 cores, < 10 min)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

# Keep the index cache of the test run out of the user's home.
os.environ.setdefault("NORMALIZE_CACHE", os.path.join(
    os.environ.get("TMPDIR", "/tmp"), f"normalize-test-cache-{os.getuid()}"))
