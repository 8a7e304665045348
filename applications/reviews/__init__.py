"""The review of a proposal: conflict-of-interest declarations, scores and their aggregates."""
