"""The translators' workflow on gettext catalogs: update, stats, check, compile.

One ``.po`` file per document and translation edition lives in
``locale/<locale_name>/LC_MESSAGES/<docname>.po``.  Every read and write goes through
Babel's ``babel.messages`` (see ``pofile_io``).
"""
