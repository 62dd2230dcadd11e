"""The named DuckDB queries: plain `.sql` files shipped as package data.

`_views.sql` defines the views every query builds on; each other file is one
named query (`vplan query --list`). Add a query by adding a file here.
"""
