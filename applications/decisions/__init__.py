"""The office's path from screening to certificate: staff pages, meetings, certificates,
`/cities/`, their API, panels, daily job and demo data (issue "from screening to certificate")."""
