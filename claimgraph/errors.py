"""Domain exceptions.

Every error a user can cause is one of these. Each message names the bad value
and, where there is one, the fix. The CLI prints ``Error: <message>`` on stderr
and exits with code 1; it never shows a traceback for these.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class of every error claimgraph reports to users."""


class InputError(ClaimgraphError):
    """An input file or record cannot be read: missing, binary, empty or malformed."""


class UnsupportedFormatError(InputError):
    """The input's format is not one claimgraph reads (see ``claimgraph ingest --help``)."""


class StoreError(ClaimgraphError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the write lock of an embedded store."""


class StoreBusyError(StoreError):
    """An embedded store could not be read consistently because another process is writing it; retrying helps."""


class IndexUnavailableError(StoreError):
    """The claim index of a store is missing, out of date or unreadable; read commands fall back to the RDF, and
    ``claimgraph reindex`` rebuilds it."""


class EndpointError(StoreError):
    """A remote SPARQL endpoint cannot be reached or answered with an error."""


class QueryError(ClaimgraphError):
    """A SPARQL query is invalid, unknown, or not allowed in this command.

    A syntax error keeps the line and column the parser reported.
    """


class ConfigError(ClaimgraphError):
    """A registry, metric vocabulary or option value is invalid."""
