"""The staff review queue (/review/ and /api/v1/review-queue/): facets, filters, Thai search,
saved views, bulk assignment and exports of the filtered list."""
