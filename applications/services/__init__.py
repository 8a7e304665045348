"""Every write on calls and proposals, one function per use case, split by sub-domain:
`calls` (criteria), `proposals` (drafts, submission, withdrawal, revision requests),
`versions` (snapshots, diff, reference numbers), `assignments`."""
