"""The model and its IR: botocore's service models read (``loader``, the only module that
imports botocore) and built into the frozen intermediate representation (``builder`` -> ``ir``),
with the names derived from model names (``names``).

May import: ``generator.errors``. Everything else imports from here.
"""
