"""The processes of the sandbox: the worker, holders and run children (see app.execution).

Nothing in this package may import app.core (settings, secrets, database): the worker runs it.
"""
