"""The REST API's routes under /api/v1, one module per group of the operator facade (docs/web.md)."""
